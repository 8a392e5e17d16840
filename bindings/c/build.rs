//! Gives the shared library its SONAME on Linux, `libticketshare.so.0.<minor>`: in 0.x the
//! minor version is the one that may break the ABI (scripts/c-release.sh installs the file
//! under that name, with the `libticketshare.so` link for the linker).

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_default();
        let minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap_or_default();
        let soname = if major == "0" {
            format!("libticketshare.so.0.{minor}")
        } else {
            format!("libticketshare.so.{major}")
        };
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
