//! Format 2's compressor: format 1's kind of context-mixing model (see `model.rs`), laid out and
//! primed for speed.
//!
//! What differs from format 1, and why:
//!
//! - **Tables by half-byte.** Each hashed context owns, for each half-byte of the text, one
//!   32-byte bucket: a 16-bit check of the context's hash and the fifteen counters the half-byte's
//!   four bits can reach. A byte then touches two buckets per context rather than eight scattered
//!   counters, so the model waits on memory a quarter as often. A bucket whose check differs
//!   belongs to another context: of the two neighbouring buckets, the less used one is taken over.
//! - **Priming that skips the mixer.** Counters learn the same whatever the mixer does, so most of
//!   the primer is read by updating counters only (no prediction, no mixing); only its last
//!   [`FULL_TAIL`] bytes go through the whole model, to train the mixers and the refiner.
//!   Counted, the primer costs a few bytes of memory traffic per byte instead of a mixer's work
//!   per bit.
//! - **Two mixers**, averaged: one whose weights are chosen by the match state and the bits of
//!   the byte so far (format 1's), one by how many of the hashed contexts were seen before (the
//!   longer the known context, the more it is trusted), the match state, the previous byte's
//!   quarter of the byte values and the bit position.
//! - **Counters stored flipped**, so that new tables are zeroed memory that costs nothing
//!   until touched.
//! - **A primer of more phrases and fewer whole cables** (`data/make_primer.py 2`).
//!
//! **Invariant: integers only**, as format 1: every table is built by integer code. Where in
//! memory a table falls changes nothing but speed.
//! Everything here — table sizes, contexts, rates, the primer — is part of format 2: a change is
//! a new format version.

/// Probabilities are 12-bit: 0..4096 stands for 0..1.
const PROB_BITS: u32 = 12;

/// The logistic function, `4096 / (1 + e^(-x/256))`, for `x` in -2047..=2047, by interpolation in
/// a table of 33 points (format 1's).
fn squash(x: i32) -> i32 {
    const POINTS: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if x > 2047 {
        return 4095;
    }
    if x < -2047 {
        return 1;
    }
    let weight = x & 127;
    let idx = ((x >> 7) + 16) as usize;
    let low = POINTS.get(idx).copied().unwrap_or(1);
    let high = POINTS.get(idx + 1).copied().unwrap_or(4095);
    (low * (128 - weight) + high * weight + 64) >> 7
}

/// The inverse of [`squash`], tabulated.
#[derive(Clone)]
struct Stretch(Vec<i16>);

impl Stretch {
    fn new() -> Stretch {
        let mut table = vec![2047i16; 4096];
        let mut next = 0usize;
        for x in -2047..=2047 {
            let value = squash(x) as usize;
            while next <= value && next < 4096 {
                if let Some(slot) = table.get_mut(next) {
                    *slot = x as i16;
                }
                next += 1;
            }
        }
        Stretch(table)
    }

    fn of(&self, p: i32) -> i32 {
        i32::from(self.0.get(p.clamp(0, 4095) as usize).copied().unwrap_or(0))
    }
}

// The few small functions every bit calls are inlined even in the page's build, which is
// optimised for size ("z"): called, `counter_update` alone took a fifth of the time.

/// A counter, stored with its top bit flipped so that a new counter is 0 and a new table is
/// memory the system hands out zeroed (untouched, it costs nothing): unflipped, the high 12 bits
/// are the probability of a 1, the low 4 how often it was updated (capped), which sets how fast
/// it moves: fast at first, then slower.
const NEW_COUNTER: u16 = 0;

/// What flips a stored counter to its value and back.
const FLIP: u16 = 0x8000;

/// How far a counter updated `n` times moves: `65536 * 2 / (2n + 3)`, as format 1's.
fn reciprocals() -> [i32; 16] {
    let mut table = [0; 16];
    for (n, slot) in table.iter_mut().enumerate() {
        *slot = 131_072 / (2 * n as i32 + 3);
    }
    table
}

#[inline(always)]
fn counter_p(counter: u16) -> i32 {
    i32::from((counter ^ FLIP) >> 4)
}

#[inline(always)]
fn counter_update(counter: &mut u16, bit: u32, reciprocal: &[i32; 16]) {
    let value = *counter ^ FLIP;
    let count = value & 15;
    let p = i32::from(value >> 4);
    let target = if bit == 1 { 4095 } else { 0 };
    let rate = reciprocal.get(usize::from(count)).copied().unwrap_or(1);
    let p = p + (((target - p) * rate + (1 << 15)) >> 16);
    let count = (count + 1).min(15);
    *counter = (((p.clamp(1, 4095) as u16) << 4) | count) ^ FLIP;
}

/// Mixes 32-bit hashes (format 1's).
#[inline(always)]
fn hash(a: u32, b: u32) -> u32 {
    (a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA6B))
        .rotate_left(13)
        .wrapping_mul(0xC2B2_AE35)
}

/// A bucket: a half-byte's counters under one context, 16 stored counters (32 bytes, two to a
/// cache line). Slot 0 holds the check (16 bits of the context's hash); slot 1 is the first
/// bit's counter, 2–3 the second's, 4–7 the third's, 8–15 the fourth's.
const BUCKET: usize = 16;

/// A hashed context model's table of buckets, in one run of zeroed memory whose buckets start
/// on 64-byte boundaries (`start` counters in).
#[derive(Clone)]
struct Table {
    counters: Vec<u16>,
    start: usize,
    shift: u32,
}

impl Table {
    fn new(bits: u32) -> Table {
        let counters = vec![0u16; (BUCKET << bits) + 32];
        // Where the allocation falls is not part of the format: only which counters are used
        // is, and that is the same wherever the buckets start.
        let misalignment = (counters.as_ptr() as usize % 64) / 2;
        Table {
            counters,
            start: (32 - misalignment) % 32,
            shift: 32 - bits,
        }
    }

    /// Where bucket `idx` starts.
    fn base(&self, idx: usize) -> usize {
        self.start + idx * BUCKET
    }

    /// The check of the first bucket `key` may be in.
    fn check_at(&self, key: u32) -> u16 {
        let base = self.base((key >> self.shift) as usize);
        self.counters.get(base).copied().unwrap_or(0)
    }

    /// Where the bucket for the context hashed to `key` starts: found, or taken over from the
    /// less used of two neighbours (`first_check` is the first one's check, read already).
    fn find(&mut self, key: u32, first_check: u16) -> usize {
        let check = (key & 0xFFFF) as u16;
        let first = self.base((key >> self.shift) as usize);
        if first_check == check {
            return first;
        }
        let second = self.base(((key >> self.shift) ^ 1) as usize);
        let at = |slot: usize| self.counters.get(slot).copied().unwrap_or(0);
        if at(second) == check {
            return second;
        }
        // A bucket's use is its first counter's update count.
        let priority = |base: usize| (at(base + 1) ^ FLIP) & 15;
        let taken = if priority(second) < priority(first) {
            second
        } else {
            first
        };
        if let Some(bucket) = self.counters.get_mut(taken..taken + BUCKET) {
            bucket.fill(NEW_COUNTER);
            if let Some(slot) = bucket.first_mut() {
                *slot = check;
            }
        }
        taken
    }

    fn counter(&self, bucket: usize, slot: usize) -> u16 {
        self.counters
            .get(bucket + slot)
            .copied()
            .unwrap_or(NEW_COUNTER)
    }

    fn counter_mut(&mut self, bucket: usize, slot: usize) -> Option<&mut u16> {
        self.counters.get_mut(bucket + slot)
    }
}

/// The hashed models: orders 2, 3, 4 and 6, the current word, the current and previous word.
/// Leaving any one out costs 1–4% on the corpus.
const N_HASHED: usize = 6;

/// Each hashed table's size, as a power of two of buckets (32 bytes each): 9.5 MB in all. Half
/// as large cost 1.5% on the corpus; twice, saved 0.5% and slowed opening by half.
const TABLE_BITS: [u32; N_HASHED] = [14, 16, 16, 16, 15, 16];

/// Every model's input to the mixer: order 0, order 1, the hashed ones, the match model.
const N_INPUTS: usize = N_HASHED + 3;

/// Mixer weights are chosen by the match model's state (4) and the bits of the byte so far.
const N_WEIGHT_SETS: usize = 4 * 256;

/// How fast the mixers' weights follow the error: format 1 used 3; 5 and 5 saved 0.5%, 7 and
/// 9 another 0.2%.
const MIXER_RATE: i32 = 7;
const MIXER2_RATE: i32 = 9;

/// How much of the primer's end is read by the whole model rather than by counters alone: 2 KB
/// cost 0.8% on the corpus, 8 KB saved 0.4%, the whole primer 1.5% (at twice the time).
pub const FULL_TAIL: usize = 4096;

/// An adaptive refinement of a probability (an "APM"): for each context, a curve from the
/// probability given to what happened, learnt as it goes.
#[derive(Clone)]
struct Refiner {
    table: Vec<u16>,
    slot: usize,
}

impl Refiner {
    const RATE: u32 = 7;

    fn new(n_contexts: usize) -> Refiner {
        let curve: Vec<u16> = (0..33)
            .map(|step| (squash((step - 16) * 128) * 16) as u16)
            .collect();
        let mut table = Vec::with_capacity(n_contexts * 33);
        for _ in 0..n_contexts {
            table.extend_from_slice(&curve);
        }
        Refiner { table, slot: 0 }
    }

    fn refine(&mut self, stretched: i32, context: usize) -> i32 {
        let position = stretched.clamp(-2047, 2047) + 2048;
        let low = (position >> 7) as usize;
        let weight = position & 127;
        let base = context * 33 + low;
        let at = |slot: usize| i32::from(self.table.get(slot).copied().unwrap_or(32768));
        let refined = (at(base) * (128 - weight) + at(base + 1) * weight) >> 11;
        self.slot = if weight < 64 { base } else { base + 1 };
        refined.clamp(1, 4095)
    }

    fn update(&mut self, bit: u32) {
        let target = (bit << 16) + (bit << Refiner::RATE) - bit - bit;
        if let Some(entry) = self.table.get_mut(self.slot) {
            let value = i64::from(*entry);
            *entry = (value + ((i64::from(target) - value) >> Refiner::RATE)) as u16;
        }
    }
}

const MATCH_MIN: usize = 5;
const MATCH_TABLE_BITS: u32 = 16;

/// The hashed models' contexts for the byte after `back` (the byte before it first), in the
/// word `word` after the word `last_word`.
fn byte_context_hashes(back: [u32; 6], word: u32, last_word: u32) -> [u32; N_HASHED] {
    let [b1, b2, b3, b4, b5, b6] = back;
    [
        hash(2, b1 | b2 << 8),
        hash(3, b1 | b2 << 8 | b3 << 16),
        hash(4, b1 | b2 << 8 | b3 << 16 | b4 << 24),
        hash(hash(6, b1 | b2 << 8 | b3 << 16 | b4 << 24), b5 | b6 << 8),
        hash(7, word),
        hash(hash(8, word), last_word),
    ]
}

/// The whole model.
#[derive(Clone)]
pub struct Model {
    stretch: Stretch,
    reciprocal: [i32; 16],
    /// Order 0: by the partial byte.
    order0: Vec<u16>,
    /// Order 1: by the previous byte and the partial byte.
    order1: Vec<u16>,
    hashed: Vec<Table>,
    /// Each hashed model's context hash for the current byte.
    context: [u32; N_HASHED],
    /// Each hashed model's bucket for the current half-byte.
    bucket: [usize; N_HASHED],
    match_ptr: usize,
    match_len: usize,
    match_table: Vec<u32>,
    match_counters: Vec<u16>,
    match_slot: usize,
    /// The bit the match expects, when there is a match that agrees with this byte so far.
    expected: Option<u32>,
    history: Vec<u8>,
    /// The bits of the current byte so far, behind a leading 1.
    partial: u32,
    n_bits: u32,
    word: u32,
    last_word: u32,
    weights: Vec<i32>,
    inputs: [i32; N_INPUTS + 1],
    weight_set: usize,
    /// The second mixer's weights, chosen by how many hashed contexts have been seen before,
    /// whether the match model has a guess, which quarter of the byte values the previous byte
    /// is in (controls, spaces, digits and punctuation; letters; two of the bytes of longer
    /// UTF-8 characters), and the bit's position. (Capitals and small letters apart, with the
    /// two UTF-8 quarters as one, did worse.)
    weights2: Vec<i32>,
    weight_set2: usize,
    mixed1: i32,
    mixed2: i32,
    mixed: i32,
    stretched: i32,
    refiner1: Refiner,
}

impl Model {
    /// A fresh model that has read `primer`: counters only, but for its last [`FULL_TAIL`]
    /// bytes.
    pub fn new(primer: &[u8]) -> Model {
        let mut model = Model::empty();
        let split = primer.len().saturating_sub(FULL_TAIL);
        let (counted, fed) = primer.split_at(split);
        model.count(counted);
        model.feed(fed);
        model
    }

    fn empty() -> Model {
        let mut model = Model {
            stretch: Stretch::new(),
            reciprocal: reciprocals(),
            order0: vec![NEW_COUNTER; 256],
            order1: vec![NEW_COUNTER; 1 << 16],
            hashed: TABLE_BITS.iter().map(|&bits| Table::new(bits)).collect(),
            context: [0; N_HASHED],
            bucket: [0; N_HASHED],
            match_ptr: 0,
            match_len: 0,
            match_table: vec![0; 1 << MATCH_TABLE_BITS],
            match_counters: vec![NEW_COUNTER; 64 * 2],
            match_slot: 0,
            expected: None,
            history: Vec::with_capacity(1 << 16),
            partial: 1,
            n_bits: 0,
            word: 0,
            last_word: 0,
            weights: vec![1 << 14; N_WEIGHT_SETS * (N_INPUTS + 1)],
            inputs: [0; N_INPUTS + 1],
            weight_set: 0,
            weights2: vec![1 << 14; 2 * (N_HASHED + 1) * 4 * 8 * (N_INPUTS + 1)],
            weight_set2: 0,
            mixed1: 2048,
            mixed2: 2048,
            mixed: 2048,
            stretched: 0,
            refiner1: Refiner::new(1 << 11),
        };
        model.byte_contexts();
        model
    }

    /// Learns from `bytes` through the whole model, as when coding.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            for bit in (0..8).rev() {
                self.predict();
                self.update(u32::from(byte >> bit) & 1);
            }
        }
    }

    /// Learns from `bytes` with the counters only: what they learn is what [`Model::feed`]
    /// would teach them, at a fraction of the cost; the mixers, the refiner and the match counters
    /// learn nothing.
    fn count(&mut self, bytes: &[u8]) {
        let reciprocal = self.reciprocal;
        for &byte in bytes {
            let byte = u32::from(byte);
            for half in 0..2 {
                let nibble = if half == 0 { byte >> 4 } else { byte & 15 };
                // The first half-byte's buckets were found when the byte began.
                if half == 1 {
                    self.find_buckets(16 | (byte >> 4));
                }
                let mut slot = 1usize;
                for bit_idx in (0..4).rev() {
                    let bit = (nibble >> bit_idx) & 1;
                    for (table, &bucket) in self.hashed.iter_mut().zip(self.bucket.iter()) {
                        if let Some(counter) = table.counter_mut(bucket, slot) {
                            counter_update(counter, bit, &reciprocal);
                        }
                    }
                    slot = slot * 2 + bit as usize;
                }
            }
            // Order 0 and 1, bit by bit.
            let b1 = self.back(1) as usize;
            let mut partial = 1usize;
            for bit_idx in (0..8).rev() {
                let bit = (byte >> bit_idx) & 1;
                if let Some(counter) = self.order0.get_mut(partial) {
                    counter_update(counter, bit, &reciprocal);
                }
                if let Some(counter) = self.order1.get_mut((b1 << 8) | partial) {
                    counter_update(counter, bit, &reciprocal);
                }
                partial = partial * 2 + bit as usize;
            }
            self.end_byte(byte as u8);
        }
    }

    /// The byte `back` bytes before the current one (1 = the last), or 0 before the start.
    fn back(&self, back: usize) -> u32 {
        self.history
            .len()
            .checked_sub(back)
            .and_then(|idx| self.history.get(idx))
            .map_or(0, |&byte| u32::from(byte))
    }

    /// Finds each hashed model's bucket for the half-byte that starts with `prefix` (1 for the
    /// first half-byte, 16 + the first half-byte for the second).
    fn find_buckets(&mut self, prefix: u32) {
        // First every table's first candidate is read, with no branch between the reads, so
        // that the processor waits for the memory of all of them at once; then each is checked.
        let mut keys = [0u32; N_HASHED];
        let mut first_checks = [0u16; N_HASHED];
        for (((key, check), table), &context) in keys
            .iter_mut()
            .zip(first_checks.iter_mut())
            .zip(self.hashed.iter())
            .zip(self.context.iter())
        {
            *key = hash(context, prefix);
            *check = table.check_at(*key);
        }
        for (((table, bucket), &key), &check) in self
            .hashed
            .iter_mut()
            .zip(self.bucket.iter_mut())
            .zip(keys.iter())
            .zip(first_checks.iter())
        {
            *bucket = table.find(key, check);
        }
    }

    fn end_byte(&mut self, byte: u8) {
        self.history.push(byte);
        if byte.is_ascii_alphabetic() {
            self.word = hash(self.word, u32::from(byte.to_ascii_uppercase()));
        } else if self.word != 0 {
            self.last_word = self.word;
            self.word = 0;
        }
        self.partial = 1;
        self.n_bits = 0;
        self.byte_contexts();
    }

    /// The contexts that hold for a whole byte, computed when it starts.
    fn byte_contexts(&mut self) {
        let (b1, b2, b3, b4, b5, b6) = (
            self.back(1),
            self.back(2),
            self.back(3),
            self.back(4),
            self.back(5),
            self.back(6),
        );
        self.context = byte_context_hashes([b1, b2, b3, b4, b5, b6], self.word, self.last_word);
        let len = self.history.len();
        if self.match_len > 0 {
            let continues = self
                .history
                .get(self.match_ptr)
                .map(|&byte| u32::from(byte))
                == Some(b1);
            if continues {
                self.match_ptr += 1;
                self.match_len += 1;
            } else {
                self.match_len = 0;
            }
        }
        if len >= MATCH_MIN {
            let mut key = 0u32;
            for back in 1..=MATCH_MIN {
                key = hash(key, self.back(back));
            }
            let slot = (key >> (32 - MATCH_TABLE_BITS)) as usize;
            if self.match_len == 0 {
                let candidate = self.match_table.get(slot).copied().unwrap_or(0) as usize;
                if candidate > 0 && candidate < len {
                    let mut matched = 0;
                    while matched < 32
                        && candidate > matched
                        && self.history.get(candidate - 1 - matched)
                            == self.history.get(len - 1 - matched)
                    {
                        matched += 1;
                    }
                    if matched >= MATCH_MIN {
                        self.match_ptr = candidate;
                        self.match_len = matched;
                    }
                }
            }
            if let Some(entry) = self.match_table.get_mut(slot) {
                *entry = len as u32;
            }
        }
        self.find_buckets(1);
    }

    /// The bit the current match predicts, if there is a match and it agrees with this byte so far.
    fn expected_bit(&self) -> Option<u32> {
        if self.match_len == 0 {
            return None;
        }
        let byte = u32::from(*self.history.get(self.match_ptr)?);
        let expected_partial = (byte | 0x100) >> (8 - self.n_bits);
        (expected_partial == self.partial).then_some((byte >> (7 - self.n_bits)) & 1)
    }

    /// The slot, inside the current half-byte's bucket, of the next bit's counter.
    fn slot(&self) -> usize {
        let bits_in_half = self.n_bits & 3;
        ((1 << bits_in_half) | (self.partial & ((1 << bits_in_half) - 1))) as usize
    }

    /// The probability (12-bit) that the next bit is a 1.
    pub fn predict(&mut self) -> i32 {
        let partial = self.partial;
        let b1 = self.back(1);
        let slot = self.slot();
        let stretch = &self.stretch;
        let p0 = self
            .order0
            .get(partial as usize)
            .map_or(2048, |&c| counter_p(c));
        let p1 = self
            .order1
            .get(((b1 << 8) | partial) as usize)
            .map_or(2048, |&c| counter_p(c));
        let mut inputs = [0i32; N_INPUTS + 1];
        if let Some(input) = inputs.get_mut(0) {
            *input = stretch.of(p0);
        }
        if let Some(input) = inputs.get_mut(1) {
            *input = stretch.of(p1);
        }
        let mut n_known = 0usize;
        for ((input, table), &bucket) in inputs
            .iter_mut()
            .skip(2)
            .zip(self.hashed.iter())
            .zip(self.bucket.iter())
        {
            let counter = table.counter(bucket, slot);
            n_known += usize::from(counter != NEW_COUNTER);
            *input = stretch.of(counter_p(counter));
        }
        self.expected = self.expected_bit();
        let match_input = match self.expected {
            Some(bit) => {
                let bucket = self.match_len.min(63);
                self.match_slot = bucket * 2 + bit as usize;
                let p = self
                    .match_counters
                    .get(self.match_slot)
                    .map_or(2048, |&c| counter_p(c));
                stretch.of(p)
            }
            None => 0,
        };
        if let Some(input) = inputs.get_mut(N_INPUTS - 1) {
            *input = match_input;
        }
        if let Some(bias) = inputs.get_mut(N_INPUTS) {
            *bias = 256;
        }
        self.inputs = inputs;
        let bucket = match (self.expected, self.match_len) {
            (None, _) => 0,
            (Some(_), 0..=15) => 1,
            (Some(_), 16..=31) => 2,
            _ => 3,
        };
        self.weight_set = (bucket * 256 + partial as usize) * (N_INPUTS + 1);
        let quarter = (b1 >> 6) as usize;
        self.weight_set2 =
            (((usize::from(self.expected.is_some()) * (N_HASHED + 1) + n_known) * 4 + quarter) * 8
                + self.n_bits as usize)
                * (N_INPUTS + 1);
        let dot = |weights: &[i32], at: usize| -> i32 {
            let dot: i64 = weights
                .get(at..at + N_INPUTS + 1)
                .unwrap_or(&[])
                .iter()
                .zip(self.inputs.iter())
                .map(|(&weight, &input)| i64::from(weight) * i64::from(input))
                .sum();
            (dot >> 16).clamp(-2047, 2047) as i32
        };
        let stretched1 = dot(&self.weights, self.weight_set);
        let stretched2 = dot(&self.weights2, self.weight_set2);
        self.mixed1 = squash(stretched1).clamp(1, 4095);
        self.mixed2 = squash(stretched2).clamp(1, 4095);
        self.stretched = (stretched1 + stretched2) >> 1;
        self.mixed = squash(self.stretched).clamp(1, 4095);
        let context1 = (((b1 >> 5) << 8) | partial) as usize;
        let refined1 = self.refiner1.refine(self.stretched, context1);
        ((self.mixed + 3 * refined1) >> 2).clamp(1, 4095)
    }

    /// Learns from the bit that came.
    pub fn update(&mut self, bit: u32) {
        for (weights, at, mixed, rate) in [
            (&mut self.weights, self.weight_set, self.mixed1, MIXER_RATE),
            (
                &mut self.weights2,
                self.weight_set2,
                self.mixed2,
                MIXER2_RATE,
            ),
        ] {
            let error = ((bit as i32) << PROB_BITS) - mixed;
            if let Some(weights) = weights.get_mut(at..at + N_INPUTS + 1) {
                for (weight, &input) in weights.iter_mut().zip(self.inputs.iter()) {
                    *weight += (input * error * rate) >> 13;
                }
            }
        }
        self.refiner1.update(bit);
        let reciprocal = self.reciprocal;
        let b1 = self.back(1);
        let partial = self.partial;
        if let Some(counter) = self.order0.get_mut(partial as usize) {
            counter_update(counter, bit, &reciprocal);
        }
        if let Some(counter) = self.order1.get_mut(((b1 << 8) | partial) as usize) {
            counter_update(counter, bit, &reciprocal);
        }
        let slot = self.slot();
        for (table, &bucket) in self.hashed.iter_mut().zip(self.bucket.iter()) {
            if let Some(counter) = table.counter_mut(bucket, slot) {
                counter_update(counter, bit, &reciprocal);
            }
        }
        if let Some(expected) = self.expected {
            if let Some(counter) = self.match_counters.get_mut(self.match_slot) {
                counter_update(counter, u32::from(expected == bit), &reciprocal);
            }
        }
        self.partial = (self.partial << 1) | bit;
        self.n_bits += 1;
        if self.n_bits == 8 {
            self.end_byte((self.partial & 0xFF) as u8);
        } else if self.n_bits == 4 {
            self.find_buckets(self.partial);
        }
    }
}

/// Writes the bits of an arithmetic code (format 1's coder).
struct Encoder {
    low: u32,
    high: u32,
    out: Vec<u8>,
}

impl Encoder {
    fn encode(&mut self, bit: u32, p: i32) {
        let mid = self.low + ((self.high - self.low) >> PROB_BITS) * p as u32;
        if bit == 1 {
            self.high = mid;
        } else {
            self.low = mid + 1;
        }
        while (self.low ^ self.high) & 0xFF00_0000 == 0 {
            self.out.push((self.high >> 24) as u8);
            self.low <<= 8;
            self.high = (self.high << 8) | 255;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.out.push((self.high >> 24) as u8);
        while self.out.last() == Some(&0) {
            self.out.pop();
        }
        self.out
    }
}

/// Reads an arithmetic code written by [`Encoder`]; past its end it reads zeros.
struct Decoder<'a> {
    low: u32,
    high: u32,
    x: u32,
    input: &'a [u8],
    pos: usize,
}

impl Decoder<'_> {
    fn next_byte(&mut self) -> u32 {
        let byte = self.input.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        u32::from(byte)
    }

    fn decode(&mut self, p: i32) -> u32 {
        let mid = self.low + ((self.high - self.low) >> PROB_BITS) * p as u32;
        let bit = u32::from(self.x <= mid);
        if bit == 1 {
            self.high = mid;
        } else {
            self.low = mid + 1;
        }
        while (self.low ^ self.high) & 0xFF00_0000 == 0 {
            self.low <<= 8;
            self.high = (self.high << 8) | 255;
            self.x = (self.x << 8) | self.next_byte();
        }
        bit
    }
}

/// `text` compressed by `model` (primed).
pub fn compress(mut model: Model, text: &[u8]) -> Vec<u8> {
    let mut encoder = Encoder {
        low: 0,
        high: u32::MAX,
        out: Vec::with_capacity(text.len() / 3 + 8),
    };
    for &byte in text {
        for shift in (0..8).rev() {
            let bit = u32::from(byte >> shift) & 1;
            encoder.encode(bit, model.predict());
            model.update(bit);
        }
    }
    encoder.finish()
}

/// The `len` bytes that `code` holds, read by `model` (primed as the writer's was). Garbage in
/// gives garbage out, never a panic: the caller checks the result.
pub fn decompress(mut model: Model, code: &[u8], len: usize) -> Vec<u8> {
    let mut decoder = Decoder {
        low: 0,
        high: u32::MAX,
        x: 0,
        input: code,
        pos: 0,
    };
    for _ in 0..4 {
        decoder.x = (decoder.x << 8) | decoder.next_byte();
    }
    let mut out = Vec::with_capacity(len);
    for _ in 0..len {
        let mut byte = 0u32;
        for _ in 0..8 {
            let bit = decoder.decode(model.predict());
            model.update(bit);
            byte = (byte << 1) | bit;
        }
        out.push(byte as u8);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_and_without_a_primer() {
        let primer: Vec<u8> = b"THE EMBASSY REPORTS THAT THE MINISTER SAID "
            .iter()
            .copied()
            .cycle()
            .take(FULL_TAIL + 500)
            .collect();
        for text in [
            &b""[..],
            b"a",
            b"THE EMBASSY REPORTS THAT THE MINISTER SAID NOTHING NEW.",
            b"\x00\xFF\x00\xFF binary and text \r\n mixed \xC3\xA9",
            &[0u8; 5000][..],
        ] {
            for primer in [&b""[..], &primer[..]] {
                let code = compress(Model::new(primer), text);
                assert_eq!(decompress(Model::new(primer), &code, text.len()), text);
            }
        }
    }

    #[test]
    fn counting_teaches_the_counters_what_feeding_does() {
        let text = b"RUEHC/SECSTATE WASHDC IMMEDIATE 1234\nTHE EMBASSY REPORTS \xC3\xA9 \x00";
        let mut counted = Model::empty();
        counted.count(text);
        let mut fed = Model::empty();
        fed.feed(text);
        for (a, b) in counted.hashed.iter().zip(fed.hashed.iter()) {
            let n = BUCKET << (32 - a.shift);
            assert!(a.counters.get(a.start..a.start + n) == b.counters.get(b.start..b.start + n));
        }
        assert_eq!(counted.order1, fed.order1);
        assert_eq!(counted.order0, fed.order0);
        assert_eq!(counted.history, fed.history);
        assert_eq!(counted.match_table, fed.match_table);
    }
}
