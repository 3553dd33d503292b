//! Turns `assets/catalog.toml` into JSON at build time: the app decodes the catalog at every
//! start, and JSON decodes several times faster than TOML. The TOML stays the one source.

fn main() {
    let source = "assets/catalog.toml";
    println!("cargo::rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("assets/catalog.toml is readable");
    let value: toml::Value = toml::from_str(&text).expect("assets/catalog.toml is valid TOML");
    let json = serde_json::to_string(&value).expect("a TOML value converts to JSON");
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.json");
    std::fs::write(out, json).expect("OUT_DIR is writable");
}
