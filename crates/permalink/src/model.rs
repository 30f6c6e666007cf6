//! The compressor: a small context-mixing model (in the manner of Matt Mahoney's lpaq) driving a
//! binary arithmetic coder.
//!
//! Each byte is coded as eight binary decisions. For each one, several models guess the
//! probability of a 1 from a different context — the bits of this byte so far, the byte before,
//! the two, three, four and six before, the current word, and what followed the last time the
//! preceding bytes occurred (the match model) — and a mixer weighs their guesses by how well each
//! has done lately. A cable repeats itself (addressees, captions, the classification line on
//! every page) and follows a house style, so the models learn fast; before coding, the model
//! reads a primer of cable boilerplate (`data/primer-v1.txt`) so that even a short cable starts
//! with the vocabulary known.
//!
//! **Invariant: the arithmetic is integers only**, with every table built by integer code, so that
//! the page (wasm32) and the `cable` command (native) make and read the same bits. The tables'
//! sizes, the models, their learning rates and the primer are part of the link format: changing
//! any of them is a new format version, and the old code must stay to read old links.

/// Probabilities are 12-bit: 0..4096 stands for 0..1.
const PROB_BITS: u32 = 12;

/// Slots in each hashed context table (2^18 each).
const TABLE_BITS: u32 = 20;

/// Weight sets of the mixer: by match length bucket (4) and bit position (8).
const N_WEIGHT_SETS: usize = 1024;

/// The logistic function, `4096 / (1 + e^(-x/256))`, for `x` in -2047..=2047, by interpolation in
/// a table of 33 points.
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

/// The inverse of [`squash`], tabulated: `stretch(p) = ln(p / (1 - p))`, scaled.
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

/// An adaptive probability in 16 bits: the high 12 are the probability of a 1, the low 4 how
/// many times it was updated (capped), which sets how fast it moves: fast at first, then slower.
#[derive(Clone, Copy)]
struct Counter(u16);

impl Counter {
    const NEW: Counter = Counter(2048 << 4);
    const LIMIT: u16 = 15;

    fn p(self) -> i32 {
        i32::from(self.0 >> 4)
    }

    fn update(&mut self, bit: u32, reciprocal: &[i32]) {
        let count = self.0 & 15;
        let p = i32::from(self.0 >> 4);
        let target = if bit == 1 { 4095 } else { 0 };
        let rate = reciprocal.get(usize::from(count)).copied().unwrap_or(1);
        let p = p + (((target - p) * rate + (1 << 15)) >> 16);
        let count = (count + 1).min(Counter::LIMIT);
        self.0 = ((p.clamp(1, 4095) as u16) << 4) | count;
    }
}

/// `65536 * 2 / (2n + 3)`: a counter updated `n` times moves `1 / (n + 1.5)` of the way.
fn reciprocals() -> Vec<i32> {
    (0..16).map(|n| 131_072 / (2 * n + 3)).collect()
}

/// Mixes 32-bit hashes; the multiplier is the golden ratio's.
fn hash(a: u32, b: u32) -> u32 {
    (a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA6B))
        .rotate_left(13)
        .wrapping_mul(0xC2B2_AE35)
}

/// The hashed models: orders 2, 3, 4 and 6, the current word, the current and previous word.
const N_HASHED: usize = 6;

/// Every model's input to the mixer: order 0, order 1, the hashed ones, the match model.
const N_INPUTS: usize = N_HASHED + 3;

/// An adaptive refinement of the mixer's output (an "APM" in lpaq's terms): for each small
/// context, a curve from the mixer's probability to what actually happened, learnt as it goes.
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

    fn refine(&mut self, p: i32, context: usize, stretch: &Stretch) -> i32 {
        let position = stretch.of(p) + 2048;
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

/// The whole model: what it has seen, its tables, its mixer. Cloning a primed model is much
/// faster than priming a new one.
#[derive(Clone)]
pub struct Model {
    stretch: Stretch,
    reciprocal: Vec<i32>,
    /// Order 0: indexed by the partial byte.
    order0: Vec<Counter>,
    /// Order 1: by the previous byte and the partial byte.
    order1: Vec<Counter>,
    /// The hashed models' tables: each bit's counter at a hash of the context and the bits of
    /// the byte so far (so each bit reads a counter of its own, wherever it falls: format 1
    /// fixed this; grouping a half-byte's counters in one cache line would be a new format).
    hashed: Vec<Vec<Counter>>,
    /// Each hashed model's context hash for the current byte.
    context: [u32; N_HASHED],
    /// The slots this bit's prediction came from, to update.
    slots: [usize; N_INPUTS - 1],
    /// The match model: where the longest recent match continues, and its length.
    match_ptr: usize,
    match_len: usize,
    /// Last position of each hash of the last `MATCH_MIN` bytes.
    match_table: Vec<u32>,
    /// How often a match of each length bucket predicted right, per expected bit.
    match_counters: Vec<Counter>,
    match_slot: usize,
    /// Every byte seen so far: the primer, then the text.
    history: Vec<u8>,
    /// The bits of the current byte so far, behind a leading 1.
    partial: u32,
    n_bits: u32,
    /// The hash of the current word (letters only, any case), 0 between words; and the last one.
    word: u32,
    last_word: u32,
    weights: Vec<i32>,
    inputs: [i32; N_INPUTS + 1],
    weight_set: usize,
    mixed: i32,
    refiner: Refiner,
    refined: i32,
}

const MATCH_MIN: usize = 5;
const MATCH_TABLE_BITS: u32 = 16;

impl Model {
    /// A fresh model that has read `primer`.
    pub fn new(primer: &[u8]) -> Model {
        let mut model = Model {
            stretch: Stretch::new(),
            reciprocal: reciprocals(),
            order0: vec![Counter::NEW; 256],
            order1: vec![Counter::NEW; 1 << 16],
            hashed: (0..N_HASHED)
                .map(|_| vec![Counter::NEW; 1 << TABLE_BITS])
                .collect(),
            context: [0; N_HASHED],
            slots: [0; N_INPUTS - 1],
            match_ptr: 0,
            match_len: 0,
            match_table: vec![0; 1 << MATCH_TABLE_BITS],
            match_counters: vec![Counter::NEW; 64 * 2],
            match_slot: 0,
            history: Vec::with_capacity(primer.len() + 4096),
            partial: 1,
            n_bits: 0,
            word: 0,
            last_word: 0,
            weights: vec![1 << 14; N_WEIGHT_SETS * (N_INPUTS + 1)],
            inputs: [0; N_INPUTS + 1],
            weight_set: 0,
            mixed: 2048,
            refiner: Refiner::new(1 << 11),
            refined: 2048,
        };
        model.byte_contexts();
        model.feed(primer);
        model
    }

    /// Learns from `bytes` without coding them (how the primer is read).
    pub fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            for bit in (0..8).rev() {
                self.predict();
                self.update(u32::from(byte >> bit) & 1);
            }
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
        self.context = [
            hash(2, b1 | b2 << 8),
            hash(3, b1 | b2 << 8 | b3 << 16),
            hash(4, b1 | b2 << 8 | b3 << 16 | b4 << 24),
            hash(hash(6, b1 | b2 << 8 | b3 << 16 | b4 << 24), b5 | b6 << 8),
            hash(7, self.word),
            hash(hash(8, self.word), self.last_word),
        ];
        // The match model: follow the current match, or look for a new one.
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
                    // Count how far back the match really goes.
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
    }

    /// The probability (12-bit) that the next bit is a 1.
    pub fn predict(&mut self) -> i32 {
        let partial = self.partial;
        let b1 = self.back(1);
        self.slots[0] = partial as usize;
        self.slots[1] = ((b1 << 8) | partial) as usize;
        for (slot, &context) in self.slots.iter_mut().skip(2).zip(self.context.iter()) {
            *slot = (hash(context, partial) >> (32 - TABLE_BITS)) as usize;
        }
        let stretch = &self.stretch;
        let inputs = &mut self.inputs;
        let p0 = self.order0.get(self.slots[0]).map_or(2048, |c| c.p());
        let p1 = self.order1.get(self.slots[1]).map_or(2048, |c| c.p());
        if let Some(input) = inputs.get_mut(0) {
            *input = stretch.of(p0);
        }
        if let Some(input) = inputs.get_mut(1) {
            *input = stretch.of(p1);
        }
        for (idx, table) in self.hashed.iter().enumerate() {
            let slot = self.slots.get(idx + 2).copied().unwrap_or(0);
            let p = table.get(slot).map_or(2048, |c| c.p());
            if let Some(input) = inputs.get_mut(idx + 2) {
                *input = stretch.of(p);
            }
        }
        // The match model: the bit the match expects, weighed by how reliable such matches were.
        let expected = self.expected_bit();
        let match_input = match expected {
            Some(bit) => {
                let bucket = self.match_len.min(63);
                self.match_slot = bucket * 2 + bit as usize;
                let p = self
                    .match_counters
                    .get(self.match_slot)
                    .map_or(2048, |c| c.p());
                self.stretch.of(p)
            }
            None => 0,
        };
        if let Some(input) = self.inputs.get_mut(N_INPUTS - 1) {
            *input = match_input;
        }
        if let Some(bias) = self.inputs.get_mut(N_INPUTS) {
            *bias = 256;
        }
        let bucket = match (expected, self.match_len) {
            (None, _) => 0,
            (Some(_), 0..=15) => 1,
            (Some(_), 16..=31) => 2,
            _ => 3,
        };
        self.weight_set = (bucket * 256 + partial as usize) * (N_INPUTS + 1);
        let weights = self
            .weights
            .get(self.weight_set..self.weight_set + N_INPUTS + 1)
            .unwrap_or(&[]);
        let dot: i64 = weights
            .iter()
            .zip(self.inputs.iter())
            .map(|(&weight, &input)| i64::from(weight) * i64::from(input))
            .sum();
        self.mixed = squash((dot >> 16).clamp(-2047, 2047) as i32).clamp(1, 4095);
        let context = (((b1 >> 5) << 8) | partial) as usize;
        self.refined = self.refiner.refine(self.mixed, context, &self.stretch);
        ((self.mixed + 3 * self.refined) >> 2).clamp(1, 4095)
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

    /// Learns from the bit that came.
    pub fn update(&mut self, bit: u32) {
        // The mixer: move each weight along its input, by the error.
        let error = ((bit as i32) << PROB_BITS) - self.mixed;
        if let Some(weights) = self
            .weights
            .get_mut(self.weight_set..self.weight_set + N_INPUTS + 1)
        {
            for (weight, &input) in weights.iter_mut().zip(self.inputs.iter()) {
                *weight += (input * error * MIXER_RATE) >> 13;
            }
        }
        self.refiner.update(bit);
        let reciprocal = &self.reciprocal;
        if let Some(counter) = self.order0.get_mut(self.slots[0]) {
            counter.update(bit, reciprocal);
        }
        if let Some(counter) = self.order1.get_mut(self.slots[1]) {
            counter.update(bit, reciprocal);
        }
        for (idx, table) in self.hashed.iter_mut().enumerate() {
            let slot = self.slots.get(idx + 2).copied().unwrap_or(0);
            if let Some(counter) = table.get_mut(slot) {
                counter.update(bit, reciprocal);
            }
        }
        if let Some(expected) = self.expected_bit() {
            if let Some(counter) = self.match_counters.get_mut(self.match_slot) {
                counter.update(u32::from(expected == bit), &self.reciprocal);
            }
        }
        self.partial = (self.partial << 1) | bit;
        self.n_bits += 1;
        if self.n_bits == 8 {
            let byte = (self.partial & 0xFF) as u8;
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
    }
}

/// How fast the mixer's weights follow the error.
const MIXER_RATE: i32 = 3;

/// Writes the bits of an arithmetic code, given each bit's probability (carry-less, 32-bit, as in
/// lpaq).
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

    /// Ends the code with the one byte that puts it inside the final range when the reader pads
    /// with zeros (`high`'s top byte, followed by zeros, is above `low`), then drops trailing
    /// zeros, which the reader supplies.
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

/// `text` compressed by `model` (a clone of a primed model).
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
    fn squash_and_stretch_are_inverse_enough() {
        let stretch = Stretch::new();
        for p in (1..4096).step_by(7) {
            let back = squash(stretch.of(p));
            assert!((back - p).abs() <= 40, "p {p} came back as {back}");
        }
        assert_eq!(squash(0), 2047);
    }

    #[test]
    fn round_trips_with_and_without_a_primer() {
        let primer = b"THE EMBASSY REPORTS THAT THE MINISTER SAID ";
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
    fn a_repeated_text_costs_little() {
        let line = b"RUEHC/SECSTATE WASHDC IMMEDIATE 1234\n";
        let text: Vec<u8> = line.iter().copied().cycle().take(line.len() * 50).collect();
        let code = compress(Model::new(b""), &text);
        assert!(code.len() < 120, "{} bytes", code.len());
    }
}
