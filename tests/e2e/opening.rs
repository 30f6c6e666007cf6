//! Other ways in than a paste: a file through the picker, files dropped on the page, the samples
//! menu, and the seed back with one click.

use crate::harness::actions::{choose_files, choose_files_in, click, click_by_text, run_script};
use crate::harness::browser::session;
use crate::harness::page::open_seed;
use crate::harness::repo::{repo, SEED_ID};
use crate::harness::waits::{wait_for_id, wait_for_text};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cables_open_from_files_dropped_files_and_the_samples_menu() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;

    // A .txt file through the picker.
    choose_files(&client, &[repo().join("corpus/cables/09BERLIN1167.txt")]).await;
    wait_for_id(&client, "09BERLIN1167").await;
    wait_for_text(&client, "#notice", |text| {
        text.contains("Opened 09BERLIN1167.txt")
    })
    .await;

    // Two real files dropped on the page at once (an HTML page and a cables.csv record): each
    // is read, listed beside the one opened before, and can be shown again. A file input the
    // test adds holds them, since a drop's files can only come from one.
    run_script(
        &client,
        "a helper file input",
        "const input = document.createElement('input');\
         input.type = 'file'; input.multiple = true; input.id = 'drop-helper';\
         input.style.display = 'none'; document.body.appendChild(input);",
    )
    .await;
    let html_page = repo().join("corpus/variants/09BERLIN1176__chillicoder-2010__pre.html");
    let csv_record = repo().join("corpus/variants/03OTTAWA202__cablescsv__row.csv");
    choose_files_in(&client, "#drop-helper", &[html_page, csv_record]).await;
    run_script(
        &client,
        "drop the files",
        "const transfer = new DataTransfer();\
         for (const file of document.getElementById('drop-helper').files) transfer.items.add(file);\
         document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
    )
    .await;
    let opened = wait_for_text(&client, "#opened-files", |text| {
        text.contains("09BERLIN1176__chillicoder-2010__pre.html")
            && text.contains("03OTTAWA202__cablescsv__row.csv")
    })
    .await;
    assert!(opened.contains("09BERLIN1167.txt"), "{opened}");
    click_by_text(
        &client,
        "#opened-files button",
        "09BERLIN1176__chillicoder-2010__pre.html",
    )
    .await;
    wait_for_id(&client, "09BERLIN1176").await;
    wait_for_text(&client, "#input-form", |text| text.contains("HTML")).await;

    // The samples menu.
    run_script(
        &client,
        "choose a sample",
        "const menu = document.getElementById('samples');\
         menu.value = '1'; menu.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    wait_for_id(&client, "79TEHRAN11260").await;

    // The seed comes back with one click.
    click(&client, "#restore-sample").await;
    wait_for_id(&client, SEED_ID).await;
    let _ = client.close().await;
}
