//! Where the page keeps files: a folder of the origin-private file system, or, in a browser
//! without one, a key prefix in an IndexedDB database (`cablescope`, object store `files`, each
//! file a `Blob` under `folder/name`). Both answer the same few questions — a file written
//! whole, a file as a blob (whose ranges are read without reading the rest), an entry removed —
//! so the store above does not know which it has.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions, FileSystemRemoveOptions, FileSystemWritableFileStream, IdbDatabase,
    IdbKeyRange, IdbOpenDbRequest, IdbRequest, IdbTransactionMode, WritableStream,
};

use crate::browser::{
    error_name, message, storage_estimate, store_error, wait, window, StoreError,
};

/// The IndexedDB database and object store used where there is no origin-private file system.
const DATABASE: &str = "cablescope";
const FILES: &str = "files";

/// A folder of files.
#[derive(Clone)]
pub enum Folder {
    /// A folder of the origin-private file system.
    Opfs(FileSystemDirectoryHandle),
    /// The files whose keys start with `prefix` in the IndexedDB database.
    Idb {
        /// The open database.
        db: IdbDatabase,
        /// `""` for the root, `name/` for a folder in it.
        prefix: String,
    },
}

impl Folder {
    /// The root: the origin-private file system's, else the IndexedDB database's.
    pub async fn root() -> Result<Folder, StoreError> {
        let navigator = window()
            .map(|window| window.navigator())
            .ok_or_else(|| StoreError::Unavailable("no window".to_string()))?;
        let storage = navigator.storage();
        if Reflect::has(&storage, &"getDirectory".into()).unwrap_or(false) {
            let root = wait(storage.get_directory()).await.map_err(store_error)?;
            return Ok(Folder::Opfs(root.unchecked_into()));
        }
        Ok(Folder::Idb {
            db: open_database().await?,
            prefix: String::new(),
        })
    }

    /// Which kind of storage it is, as the page says it.
    pub fn kind(&self) -> &'static str {
        match self {
            Folder::Opfs(_) => "the origin-private file system",
            Folder::Idb { .. } => "IndexedDB",
        }
    }

    /// The folder `name` in this one; with `create` false, `StoreError::Missing` when there is
    /// none (IndexedDB has no folders: one is there when a file of it is).
    pub async fn folder(&self, name: &str, create: bool) -> Result<Folder, StoreError> {
        match self {
            Folder::Opfs(parent) => {
                let options = FileSystemGetDirectoryOptions::new();
                options.set_create(create);
                let folder = wait(parent.get_directory_handle_with_options(name, &options))
                    .await
                    .map_err(store_error)?;
                Ok(Folder::Opfs(folder.unchecked_into()))
            }
            Folder::Idb { db, prefix } => {
                let folder = Folder::Idb {
                    db: db.clone(),
                    prefix: format!("{prefix}{name}/"),
                };
                if !create && folder.is_empty_idb().await? {
                    return Err(StoreError::Missing);
                }
                Ok(folder)
            }
        }
    }

    /// Writes `bytes` as the file `name`, replacing it.
    pub async fn write_file(&self, name: &str, bytes: &Uint8Array) -> Result<(), StoreError> {
        let written = self.write_file_once(name, bytes).await;
        match written {
            // Browsers do not all say a full quota as QuotaExceededError (Chromium's file
            // system has also said "Failed to write data to data pipe"): the quota says it.
            Err(StoreError::Other(why)) => match storage_estimate().await {
                Some((usage, quota)) if usage + f64::from(bytes.length()) > quota => {
                    Err(StoreError::Full)
                }
                _ => Err(StoreError::Other(why)),
            },
            written => written,
        }
    }

    async fn write_file_once(&self, name: &str, bytes: &Uint8Array) -> Result<(), StoreError> {
        match self {
            Folder::Opfs(folder) => write_opfs(folder, name, bytes).await,
            Folder::Idb { db, prefix } => {
                let blob =
                    Blob::new_with_u8_array_sequence(&Array::of1(bytes)).map_err(store_error)?;
                let store = object_store(db, IdbTransactionMode::Readwrite)?;
                let put = store
                    .put_with_key(&blob, &format!("{prefix}{name}").into())
                    .map_err(store_error)?;
                request(&put).await.map(|_| ())
            }
        }
    }

    /// The file `name`, as a blob; `None` when there is none.
    pub async fn file(&self, name: &str) -> Result<Option<Blob>, StoreError> {
        match self {
            Folder::Opfs(folder) => {
                let options = FileSystemGetFileOptions::new();
                match wait(folder.get_file_handle_with_options(name, &options)).await {
                    Ok(handle) => {
                        let handle: FileSystemFileHandle = handle.unchecked_into();
                        let file = wait(handle.get_file()).await.map_err(store_error)?;
                        Ok(Some(file.unchecked_into()))
                    }
                    Err(error) if error_name(&error) == "NotFoundError" => Ok(None),
                    Err(error) => Err(store_error(error)),
                }
            }
            Folder::Idb { db, prefix } => {
                let store = object_store(db, IdbTransactionMode::Readonly)?;
                let get = store
                    .get(&format!("{prefix}{name}").into())
                    .map_err(store_error)?;
                let value = request(&get).await?;
                Ok(value.dyn_into::<Blob>().ok())
            }
        }
    }

    /// Removes the entry `name` (a folder with all in it, or a file); nothing when there is none.
    pub async fn remove(&self, name: &str) -> Result<(), StoreError> {
        match self {
            Folder::Opfs(parent) => {
                let options = FileSystemRemoveOptions::new();
                options.set_recursive(true);
                match wait(parent.remove_entry_with_options(name, &options)).await {
                    Ok(_) => Ok(()),
                    Err(error) if error_name(&error) == "NotFoundError" => Ok(()),
                    Err(error) => Err(store_error(error)),
                }
            }
            Folder::Idb { db, prefix } => {
                let store = object_store(db, IdbTransactionMode::Readwrite)?;
                let file = store
                    .delete(&format!("{prefix}{name}").into())
                    .map_err(store_error)?;
                request(&file).await?;
                let store = object_store(db, IdbTransactionMode::Readwrite)?;
                let inside = store
                    .delete(&prefix_range(&format!("{prefix}{name}/"))?)
                    .map_err(store_error)?;
                request(&inside).await.map(|_| ())
            }
        }
    }

    /// Whether no key starts with this IndexedDB folder's prefix.
    async fn is_empty_idb(&self) -> Result<bool, StoreError> {
        let Folder::Idb { db, prefix } = self else {
            return Ok(false);
        };
        let store = object_store(db, IdbTransactionMode::Readonly)?;
        let count = store
            .count_with_key(&prefix_range(prefix)?)
            .map_err(store_error)?;
        Ok(request(&count).await?.as_f64().unwrap_or(0.0) == 0.0)
    }
}

async fn write_opfs(
    folder: &FileSystemDirectoryHandle,
    name: &str,
    bytes: &Uint8Array,
) -> Result<(), StoreError> {
    let options = FileSystemGetFileOptions::new();
    options.set_create(true);
    let handle: FileSystemFileHandle = wait(folder.get_file_handle_with_options(name, &options))
        .await
        .map_err(store_error)?
        .unchecked_into();
    let stream: FileSystemWritableFileStream = wait(handle.create_writable())
        .await
        .map_err(store_error)?
        .unchecked_into();
    let written = match stream.write_with_js_u8_array(bytes) {
        Ok(promise) => wait(promise).await.map(|_| ()),
        Err(error) => Err(error),
    };
    if let Err(error) = written {
        // The file is left as it was: a write is only kept when the stream closes.
        let _ = wait(WritableStream::abort(&stream)).await;
        return Err(store_error(error));
    }
    wait(WritableStream::close(&stream))
        .await
        .map_err(store_error)?;
    Ok(())
}

/// Every key starting with `prefix`, as a key range.
fn prefix_range(prefix: &str) -> Result<JsValue, StoreError> {
    IdbKeyRange::bound(&prefix.into(), &format!("{prefix}\u{ffff}").into())
        .map(JsValue::from)
        .map_err(store_error)
}

fn object_store(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<web_sys::IdbObjectStore, StoreError> {
    db.transaction_with_str_and_mode(FILES, mode)
        .and_then(|transaction| transaction.object_store(FILES))
        .map_err(store_error)
}

/// Opens the database, making its object store the first time.
async fn open_database() -> Result<IdbDatabase, StoreError> {
    let factory = window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or_else(|| {
            StoreError::Unavailable(
                "neither an origin-private file system nor IndexedDB".to_string(),
            )
        })?;
    let open: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1).map_err(store_error)?;
    let upgrading = open.clone();
    let upgrade = Closure::once_into_js(move |_: JsValue| {
        if let Ok(db) = upgrading.result() {
            let db: IdbDatabase = db.unchecked_into();
            let _ = db.create_object_store(FILES);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(request(&open).await?.unchecked_into())
}

/// What a request gives, once it succeeds.
async fn request(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let done = request.clone();
        let failed = request.clone();
        let on_success = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    wait(promise).await.map_err(|error| {
        if error.is_undefined() {
            StoreError::Other(message(&error))
        } else {
            store_error(error)
        }
    })
}
