//! Prints the tagger's words with their labels, one input line at a time (a debugging aid for
//! the rule layers): `cargo run --release --example lac_words <<< '张三在北京市工作'`.

use std::io::BufRead;

use zhitu::extract::lac::{Lac, Scratch};

fn main() {
    let model = Lac::get();
    let mut scratch = Scratch::default();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let chars: Vec<char> = line.chars().collect();
        let words: Vec<String> = model
            .tokens(&chars, &mut scratch)
            .iter()
            .map(|t| format!("{}/{}", chars[t.span.start..t.span.end].iter().collect::<String>(), t.label))
            .collect();
        println!("{}", words.join(" "));
    }
}
