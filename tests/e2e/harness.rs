//! Drives the built page (`dist/`, from `trunk build --release`) in headless Chromium.
//!
//! Every test gets its own world: a tiny static file server for `dist/` on a free port of
//! 127.0.0.1, its own `chromedriver` on another free port, and a fresh Chromium profile. All of it
//! is torn down when the [`Page`] is dropped, even when the test panics.
//!
//! ```ignore
//! use crate::harness::{open_page, CLUSTER, EDITOR};
//!
//! #[tokio::test]
//! #[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
//! async fn tainting_a_node_removes_its_pod() {
//!     let page = open_page("?lang=en").await;        // waits for [data-testid="cluster"]
//!     page.set_editor_text(MANIFEST).await;            // like a paste: one `input` event
//!     page.click(r#"[data-testid="add-node"]"#).await;
//!     page.wait_for(r#"[data-node="node-2"] [data-testid="pod"]"#).await;
//!     assert_eq!(page.attr(r#"[data-node="node-2"]"#, "data-ready").await.as_deref(), Some("true"));
//!     page.screenshot("tainting_a_node_removes_its_pod").await;
//!     page.finish().await;                             // asserts no console errors, closes
//! }
//! ```
//!
//! Rules for tests written with it:
//! - Wait for DOM state ([`Page::wait_for`], [`Page::wait_until`], [`Page::wait_settled`]); never
//!   sleep a fixed time and then assert. Simulated time is moved by the page's own controls.
//! - Select by `data-testid` (and other `data-*` attributes), not by text or CSS classes.
//! - End with [`Page::finish`], which fails the test if the page logged any error.
//!
//! Environment: `DSP_DIST_DIR` (default `<crate>/dist`), `CHROMEDRIVER` (default
//! `/usr/bin/chromedriver`), `CHROMIUM` (default `/usr/bin/chromium`), `E2E_TIMEOUT_MS` (the
//! default bound of every wait, 10000).

#![allow(dead_code)] // Not every test uses every helper.

use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdTcpListener};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The cluster diagram; present once the app has rendered.
pub const CLUSTER: &str = r#"[data-testid="cluster"]"#;
/// The manifest editor's textarea.
pub const EDITOR: &str = r#"[data-testid="manifest-editor"]"#;

/// Chromium flags for a root, offline machine (TOOLCHAIN.md).
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
];

/// How each world is set up; [`Options::default`] is what [`open_page`] uses.
#[derive(Clone, Debug)]
pub struct Options {
    /// The browser's UI language (`navigator.language`), e.g. `"en-US"` or `"ko-KR"`.
    pub lang: &'static str,
    /// The browser window's size in CSS pixels (the viewport, and so a screenshot, is a little
    /// shorter: 1280×800 gives a 1280×657 screenshot).
    pub width: u32,
    pub height: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: "en-US",
            width: 1280,
            height: 800,
        }
    }
}

/// Launches a browser on the built page at `query` and waits until [`CLUSTER`] is present.
///
/// `query` is appended to the page's URL: `""`, `"?embed=1&readonly=1"`, `"#s=…"`.
pub async fn open_page(query: &str) -> Page {
    let page = Page::launch(Options::default()).await;
    page.goto(query).await;
    page.wait_for(CLUSTER).await;
    page
}

/// One browser session on the built page, with the server and chromedriver behind it.
pub struct Page {
    client: Client,
    base_url: String,
    timeout: Duration,
    server: Server,
    // Declared last: dropped after the client (fields drop in declaration order).
    driver: Driver,
}

impl Page {
    /// Starts the server, chromedriver and Chromium; navigates nowhere yet (see [`Page::goto`]).
    pub async fn launch(options: Options) -> Page {
        let dist = dist_dir();
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: build the page first (`trunk build --release`, which \
             scripts/test.sh runs), or point DSP_DIST_DIR at a build",
            dist.display()
        );
        let (base_url, server) = serve_dir(dist).await;
        let driver = Driver::start().await;

        let mut capabilities = serde_json::Map::new();
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", driver.profile.display()));
        args.push(format!(
            "--window-size={},{}",
            options.width, options.height
        ));
        args.push(format!("--lang={}", options.lang));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium_path(),
                "args": args,
                "prefs": { "intl.accept_languages": options.lang },
            }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| panic!("could not open a Chromium session via chromedriver: {e}"));

        Page {
            client,
            base_url,
            timeout: default_timeout(),
            server,
            driver,
        }
    }

    /// The page's URL without query, e.g. `http://127.0.0.1:41234/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The underlying WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Navigates to the page with `query` appended (see [`open_page`]) and waits for the load event.
    pub async fn goto(&self, query: &str) {
        let url = format!("{}{}", self.base_url, query.trim_start_matches('/'));
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("could not open {url}: {e}"));
    }

    /// Waits (bounded by `E2E_TIMEOUT_MS`) until an element matches `css`, and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_for_at_most(css, self.timeout).await
    }

    /// [`Page::wait_for`] with an explicit bound.
    pub async fn wait_for_at_most(&self, css: &str, timeout: Duration) -> Element {
        match self
            .client
            .wait()
            .at_most(timeout)
            .every(Duration::from_millis(20))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => {
                let errors = self.errors().await;
                panic!("no element matched {css} within {timeout:?} ({e}); page errors: {errors:?}")
            }
        }
    }

    /// Waits until no element matches `css` any more.
    pub async fn wait_for_absent(&self, css: &str) {
        let script = format!(
            "return document.querySelector({}) === null;",
            js_string(css)
        );
        self.wait_until(&format!("{css} is absent"), &script).await;
    }

    /// Waits until the diagram reports a settled simulation: `[data-testid="cluster"][data-settled="true"]`.
    pub async fn wait_settled(&self) -> Element {
        self.wait_for(r#"[data-testid="cluster"][data-settled="true"]"#)
            .await
    }

    /// Waits until the JavaScript function body `script` returns `true` (polling every 20 ms,
    /// bounded by `E2E_TIMEOUT_MS`); `what` names the condition in the failure message.
    ///
    /// `page.wait_until("three pods", "return document.querySelectorAll('[data-testid=pod]').length === 3")`
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + self.timeout;
        loop {
            let value = self.eval(script).await;
            if value == Value::Bool(true) {
                return;
            }
            if Instant::now() >= deadline {
                let errors = self.errors().await;
                panic!(
                    "timed out after {:?} waiting for {what} (last value {value}); page errors: {errors:?}",
                    self.timeout
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Runs the JavaScript function body `script` (use `return` for a value) and returns its result.
    pub async fn eval(&self, script: &str) -> Value {
        self.eval_with(script, vec![]).await
    }

    /// [`Page::eval`] with `arguments[0]`, `arguments[1]`, … (elements may be passed too).
    pub async fn eval_with(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The first element matching `css`, now (no waiting); panics if there is none.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matches {css}: {e}"))
    }

    /// Every element matching `css`, now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("could not query {css}: {e}"))
    }

    /// How many elements match `css`, now.
    pub async fn count(&self, css: &str) -> usize {
        self.find_all(css).await.len()
    }

    /// Attribute `name` of the first element matching `css` (waited for), or `None` if unset.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|e| panic!("could not read {name} of {css}: {e}"))
    }

    /// The rendered text of the first element matching `css` (waited for).
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("could not read the text of {css}: {e}"))
    }

    /// Clicks the first element matching `css` (waited for), as a user would.
    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("could not click {css}: {e}"));
    }

    /// Types `text` into the element matching `css` as key presses (`"\n"` is Enter).
    pub async fn type_into(&self, css: &str, text: &str) {
        self.wait_for(css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("could not type into {css}: {e}"));
    }

    /// The manifest editor's current text.
    pub async fn editor_text(&self) -> String {
        let editor = self.wait_for(EDITOR).await;
        editor
            .prop("value")
            .await
            .unwrap_or_else(|e| panic!("could not read the editor: {e}"))
            .unwrap_or_default()
    }

    /// Replaces the manifest editor's text at once, as a paste does: sets the value and fires one
    /// bubbling `input` event. Fast for long manifests.
    pub async fn set_editor_text(&self, text: &str) {
        let editor = self.wait_for(EDITOR).await;
        let element = serde_json::to_value(&editor).expect("an element serialises");
        self.eval_with(
            "const el = arguments[0]; el.focus(); el.value = arguments[1]; \
             el.setSelectionRange(el.value.length, el.value.length); \
             el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));",
            vec![element, Value::String(text.to_owned())],
        )
        .await;
    }

    /// Types `text` at the end of the manifest editor's text, key by key (slow for long text;
    /// see [`Page::set_editor_text`]).
    pub async fn type_in_editor(&self, text: &str) {
        let editor = self.wait_for(EDITOR).await;
        let element = serde_json::to_value(&editor).expect("an element serialises");
        self.eval_with(
            "const el = arguments[0]; el.focus(); el.setSelectionRange(el.value.length, el.value.length);",
            vec![element],
        )
        .await;
        editor
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("could not type into the editor: {e}"));
    }

    /// Saves a PNG of the viewport to `tests/artifacts/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("could not take a screenshot: {e}"));
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
        std::fs::create_dir_all(&dir).expect("tests/artifacts can be created");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)
            .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
        path
    }

    /// Everything the page reported as an error so far: uncaught exceptions, unhandled
    /// rejections, failed resource loads and `console.error` calls (collected by the inline
    /// script in `www/index.html` into `window.__errors`).
    pub async fn errors(&self) -> Vec<String> {
        match self
            .client
            .execute("return window.__errors || null;", vec![])
            .await
        {
            Ok(Value::Array(items)) => items
                .into_iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string())
                })
                .collect(),
            Ok(_) => vec!["window.__errors is missing: is this the built www/index.html?".into()],
            Err(e) => vec![format!("could not read window.__errors: {e}")],
        }
    }

    /// Fails the test if the page reported any error (see [`Page::errors`]).
    pub async fn assert_no_errors(&self) {
        let errors = self.errors().await;
        assert!(errors.is_empty(), "the page reported errors: {errors:#?}");
    }

    /// Ends the test: asserts that the page reported no error, then closes the browser.
    pub async fn finish(self) {
        self.assert_no_errors().await;
        self.close().await;
    }

    /// Closes the browser session without checking errors (dropping the page also cleans up).
    pub async fn close(self) {
        let Page { client, .. } = self;
        // The other fields drop here: the server stops, chromedriver and Chromium are killed.
        let _ = client.close().await;
    }
}

/// The static file server's task; stopped on drop.
struct Server(tokio::task::JoinHandle<()>);

impl Drop for Server {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// chromedriver (and the Chromium it starts, in the same process group) plus a fresh profile
/// directory; all removed on drop.
struct Driver {
    child: Child,
    url: String,
    profile: PathBuf,
}

impl Driver {
    async fn start() -> Driver {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let profile = std::env::temp_dir().join(format!(
            "dsp-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).expect("a profile directory can be created");

        let port = free_port();
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let child = {
            use std::os::unix::process::CommandExt;
            Command::new(&chromedriver)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                // Its own process group, so that drop can kill Chromium with it.
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("could not start {chromedriver} (scripts/setup.sh --browser installs it): {e}")
                })
        };
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            profile,
        };
        // Ready when it accepts connections (bounded).
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port))
            .await
            .is_err()
        {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {port} within 10 s"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Kill the whole group (chromedriver and every Chromium process), then reap chromedriver.
        let _ = Command::new("sh")
            .arg("-c")
            .arg(format!("kill -9 -{} 2>/dev/null", self.child.id()))
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn default_timeout() -> Duration {
    let ms = std::env::var("E2E_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    Duration::from_millis(ms)
}

fn dist_dir() -> PathBuf {
    std::env::var_os("DSP_DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"))
}

fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

fn free_port() -> u16 {
    StdTcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

/// A JavaScript string literal for `s`.
fn js_string(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

// ---------------------------------------------------------------------------------------------
// A static file server for dist/: GET and HEAD, one request per connection, no caching.

async fn serve_dir(root: PathBuf) -> (String, Server) {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .expect("a free port on 127.0.0.1");
    let port = listener.local_addr().expect("a bound address").port();
    let task = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let root = root.clone();
            tokio::spawn(async move {
                let _ = handle_request(stream, &root).await;
            });
        }
    });
    (format!("http://127.0.0.1:{port}/"), Server(task))
}

async fn handle_request(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await?;
        if n == 0 || head.len() > 64 * 1024 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head);
    let mut parts = head.lines().next().unwrap_or_default().split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or("/"),
    );

    let (status, content_type, body) = if method != "GET" && method != "HEAD" {
        (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"method not allowed\n".to_vec(),
        )
    } else {
        match resolve(root, target) {
            Some(path) => match tokio::fs::read(&path).await {
                Ok(body) => ("200 OK", mime_type(&path), body),
                Err(_) => (
                    "404 Not Found",
                    "text/plain; charset=utf-8",
                    b"not found\n".to_vec(),
                ),
            },
            None => (
                "404 Not Found",
                "text/plain; charset=utf-8",
                b"not found\n".to_vec(),
            ),
        }
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes()).await?;
    if method != "HEAD" {
        stream.write_all(&body).await?;
    }
    stream.shutdown().await
}

/// The file under `root` that a request target names (`/` → `index.html`); `None` for anything
/// that would leave `root`.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path)?;
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut full = root.join(relative);
    if full.is_dir() {
        full.push("index.html");
    }
    full.is_file().then_some(full)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "yaml" | "yml" => "text/yaml; charset=utf-8",
        _ => "application/octet-stream",
    }
}

mod tests {
    use super::*;

    #[test]
    fn resolves_only_files_inside_the_root() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(
            resolve(root, "/Cargo.toml?x=1"),
            Some(root.join("Cargo.toml"))
        );
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(root, "/no-such-file"), None);
    }

    #[test]
    fn serves_wasm_as_application_wasm() {
        assert_eq!(mime_type(Path::new("a_bg.wasm")), "application/wasm");
        assert_eq!(
            mime_type(Path::new("a.js")),
            "text/javascript; charset=utf-8"
        );
    }
}
