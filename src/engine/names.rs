//! Generated names: `<generateName><5 chars>` from the API server's alphabet (semantics R7.6),
//! drawn from a generator seeded once per simulation so that the same seed gives the same names.

use rand::Rng;
use rand::SeedableRng;
use rand_pcg::Pcg64;

/// `apimachinery/pkg/util/rand`'s alphabet: no vowels, no 0/1/3, to avoid words and confusion.
pub const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// `names.SimpleNameGenerator`'s limits: the base is cut to 58 so that the name fits in 63.
const MAX_NAME_LENGTH: usize = 63;
const RANDOM_LENGTH: usize = 5;
const MAX_GENERATED_NAME_LENGTH: usize = MAX_NAME_LENGTH - RANDOM_LENGTH;

/// A seeded source of generated name suffixes.
#[derive(Clone, Debug)]
pub struct NameGenerator {
    rng: Pcg64,
}

impl NameGenerator {
    pub fn new(seed: u64) -> Self {
        NameGenerator {
            rng: Pcg64::seed_from_u64(seed),
        }
    }

    /// `GenerateName(base)`: the base truncated to 58 bytes, then 5 random characters.
    pub fn generate_name(&mut self, base: &str) -> String {
        let mut cut = base.len().min(MAX_GENERATED_NAME_LENGTH);
        while !base.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut name = String::with_capacity(cut + RANDOM_LENGTH);
        name.push_str(&base[..cut]);
        for _ in 0..RANDOM_LENGTH {
            let i = self.rng.random_range(0..ALPHANUMS.len());
            name.push(ALPHANUMS[i] as char);
        }
        name
    }
}

/// `rand.SafeEncodeString`: maps each byte onto the alphabet, used for revision hashes (R3.9).
pub fn safe_encode_string(s: &str) -> String {
    s.bytes()
        .map(|b| ALPHANUMS[b as usize % ALPHANUMS.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t32_suffix_is_five_chars_from_the_alphabet_and_base_is_cut_to_58() {
        let mut g = NameGenerator::new(7);
        for _ in 0..200 {
            let n = g.generate_name("fluentd-");
            assert_eq!(n.len(), "fluentd-".len() + 5);
            assert!(
                n["fluentd-".len()..]
                    .bytes()
                    .all(|b| ALPHANUMS.contains(&b)),
                "{n}"
            );
        }
        let long = format!("{}-", "a".repeat(70));
        let n = g.generate_name(&long);
        assert_eq!(n.len(), 63);
        assert!(n.starts_with(&"a".repeat(58)));
    }

    #[test]
    fn same_seed_same_names() {
        let a: Vec<String> = (0..5)
            .map({
                let mut g = NameGenerator::new(42);
                move |_| g.generate_name("x-")
            })
            .collect();
        let b: Vec<String> = (0..5)
            .map({
                let mut g = NameGenerator::new(42);
                move |_| g.generate_name("x-")
            })
            .collect();
        assert_eq!(a, b);
        let c = NameGenerator::new(43).generate_name("x-");
        assert_ne!(a[0], c);
    }
}
