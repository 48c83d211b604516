//! tsgen regenerates a tree-sitter parser: `tsgen DIR` reads DIR/grammar.js
//! (evaluated by node) and writes DIR/src (parser.c, grammar.json,
//! node-types.json, tree_sitter/parser.h) at language ABI 14, the version the
//! runtime in smacker/go-tree-sitter and Neovim 0.7+ load.

mod generate;

use std::path::PathBuf;
use std::process::exit;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: tsgen GRAMMAR_DIR");
        exit(2);
    }
    let dir = PathBuf::from(&args[1]);
    if let Err(err) = generate::generate_parser_in_directory(&dir, None, 14, false, None) {
        eprintln!("tsgen: {:#}", err);
        exit(1);
    }
}
