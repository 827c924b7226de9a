//! The respondent's journey in a real browser, by keyboard only: headless Chromium
//! driven through chromedriver (WebDriver) with fantoccini. Tab moves focus, Space and
//! the arrow keys choose radios, typing fills text fields and Enter submits every
//! page. The report's indices are checked against the stored scorecard, and
//! screenshots at phone and laptop width are saved under `target/screenshots`.
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver` (Debian: chromium,
//! chromium-driver), or the paths in `CHROMIUM` and `CHROMEDRIVER`. Without them the
//! test is skipped, unless `CI` is set, where it fails. Everything stays on 127.0.0.1.

mod common;

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestApp, spawn_app_with};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde::Deserialize;
use serde_json::json;

/// The whole journey, browser start included, must finish within this.
const TOTAL: Duration = Duration::from_secs(240);
/// chromedriver must answer /status within this.
const DRIVER_READY: Duration = Duration::from_secs(20);
/// Creating the browser session must finish within this.
const SESSION_START: Duration = Duration::from_secs(60);
/// A submitted page must lead to the next one within this.
const NAVIGATION: Duration = Duration::from_secs(20);
/// The questionnaire's pages, one per section of the study.
const PAGES: usize = 14;
/// Tab presses allowed on one page before giving up.
const MAX_TABS: usize = 200;
/// Full-page screenshots are cut at this height (pixels).
const MAX_SHOT_HEIGHT: u32 = 40_000;

const PHONE: u32 = 375;
const LAPTOP: u32 = 1280;

#[actix_web::test]
async fn a_respondent_completes_the_questionnaire_by_keyboard_in_a_real_browser() {
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let _one_browser = one_browser_at_a_time().await;
    let shots = screenshot_dir();
    println!("screenshots: {}", shots.display());

    let app = spawn_app_with(40).await;
    // The guard lives outside the timed future: whatever happens inside, dropping it
    // ends the browser session and chromedriver.
    let mut driver = Chromedriver::spawn(&chromedriver);
    let outcome = tokio::time::timeout(TOTAL, async {
        driver.wait_ready().await;
        journey(&app, &mut driver, &chromium, &shots).await;
    })
    .await;
    if outcome.is_err() {
        panic!(
            "the browser journey did not finish within {TOTAL:?}; chromedriver log: {}",
            driver.log_tail()
        );
    }
    println!("screenshots saved in {}", shots.display());
}

// ---- The journey ---------------------------------------------------------------

async fn journey(app: &TestApp, driver: &mut Chromedriver, chromium: &Path, shots: &Path) {
    let started = Instant::now();
    let client = driver.connect(chromium).await;
    set_viewport(&client, LAPTOP, 900).await;

    // Landing: Tab to the start button, Enter.
    client
        .goto(&app.url("/"))
        .await
        .expect("open the landing page");
    wait_loaded(&client).await;
    let mut tabs = 0;
    loop {
        tabs += 1;
        assert!(tabs <= 20, "Tab never reached the start button");
        press(&client, &[Key::Tab]).await;
        let f = focused(&client).await;
        if f.tag == "button" && f.text == "Start the questionnaire" {
            assert!(f.ring, "the start button shows no focus outline");
            break;
        }
    }
    press(&client, &[Key::Enter]).await;
    let first = wait_for_new_path(&client, "/").await;
    let draft = first
        .strip_prefix("/s/")
        .and_then(|rest| rest.strip_suffix("/1"))
        .unwrap_or_else(|| panic!("the start button led to {first}, not page 1"))
        .to_string();

    let mut chooser = Chooser::default();
    let mut path = first;
    for page in 1..=PAGES {
        assert_eq!(path, format!("/s/{draft}/{page}"), "page {page}");
        let submit_from = fill_page(&client, page, &mut chooser).await;
        if page == 1 {
            shoot(&client, PHONE, &shots.join("page1-phone.png")).await;
            shoot(&client, LAPTOP, &shots.join("page1-laptop.png")).await;
            set_viewport(&client, LAPTOP, 900).await;
            let f = focused(&client).await;
            assert_eq!(f.name, "contact_email", "resizing moved the focus: {f:?}");
        }
        if page == PAGES {
            assert_eq!(
                submit_from,
                Focus::Button("Submit and see my report".into())
            );
        }
        press(&client, &[Key::Enter]).await;
        path = wait_for_new_path(&client, &path).await;
    }
    assert!(
        chooser.answered >= 60,
        "only {} questions were answered",
        chooser.answered
    );

    // The report.
    let id = path
        .strip_prefix("/r/")
        .unwrap_or_else(|| panic!("the last page led to {path}, not a report"))
        .to_string();
    let company = gauge(&client, "company", "Company index").await;
    let personal = gauge(&client, "personal", "Personal index").await;
    let stored = app
        .stored(&id)
        .await
        .expect("the report's response is stored");
    assert_eq!(company, stored.scorecard.overall.display(), "company index");
    assert_eq!(
        personal,
        stored.scorecard.personal.display(),
        "personal index"
    );
    for (name, shown) in [("company", &company), ("personal", &personal)] {
        let value: f64 = shown
            .strip_suffix('%')
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("the {name} index is not a percentage: {shown:?}"));
        assert!(
            (0.0..=100.0).contains(&value),
            "{name} index {value} out of range"
        );
    }
    shoot(&client, PHONE, &shots.join("report-phone.png")).await;
    shoot(&client, LAPTOP, &shots.join("report-laptop.png")).await;
    println!(
        "keyboard journey: {} answers over {PAGES} pages, company index {company}, personal index {personal}, {:.1}s",
        chooser.answered,
        started.elapsed().as_secs_f64()
    );

    client.close().await.expect("end the browser session");
    driver.session = None;
}

/// Where the focus is when a page is ready to be submitted with Enter.
#[derive(Debug, PartialEq)]
enum Focus {
    /// In the last field, a text input: Enter submits the form with its first
    /// button, which must be the primary one.
    Field,
    /// On the primary button, with this label.
    Button(String),
}

/// Answers one page by keyboard; leaves the focus where Enter submits it.
async fn fill_page(client: &Client, page: usize, chooser: &mut Chooser) -> Focus {
    let items = client
        .find_all(Locator::Css("form fieldset.item"))
        .await
        .expect("questions")
        .len();
    assert!(items > 0, "page {page} has no questions");
    let mut seen: HashSet<String> = HashSet::new();
    let mut last_was_text = false;
    for _ in 0..MAX_TABS {
        if seen.len() == items && last_was_text {
            return Focus::Field;
        }
        press(client, &[Key::Tab]).await;
        let f = focused(client).await;
        assert!(f.ring, "page {page}: no visible focus outline on {f:?}");
        match (f.tag.as_str(), f.kind.as_str()) {
            ("input", "radio") => {
                assert!(
                    seen.insert(f.name.clone()),
                    "page {page}: Tab stopped twice in the radio group {}",
                    f.name
                );
                choose(client, &f, chooser).await;
                last_was_text = false;
            }
            ("input", "text") => {
                assert!(
                    seen.insert(f.name.clone()),
                    "page {page}: Tab reached {} twice",
                    f.name
                );
                match text_answer(&f.name) {
                    Some(text) => {
                        type_text(client, text).await;
                        let after = focused(client).await;
                        assert_eq!(after.value, text, "typing into {}", f.name);
                        chooser.answered += 1;
                    }
                    None => assert!(!f.required, "no answer for the required {}", f.name),
                }
                last_was_text = true;
            }
            ("button", _) if f.classes.split(' ').any(|c| c == "primary") => {
                assert_eq!(
                    seen.len(),
                    items,
                    "page {page}: Tab reached the button before every question"
                );
                return Focus::Button(f.text);
            }
            _ => {}
        }
    }
    panic!("page {page}: {MAX_TABS} presses of Tab never reached the submit button");
}

/// Picks answers: mostly positive, a few middling, now and then "Don't know" or a
/// question left out, never for a required question.
#[derive(Default)]
struct Chooser {
    groups: usize,
    answered: usize,
}

impl Chooser {
    const PATTERN: [usize; 7] = [3, 4, 2, 3, 4, 1, 3];

    /// The index of the option to choose among `values`, or `None` to skip.
    fn pick(&mut self, values: &[String], required: bool) -> Option<usize> {
        let g = self.groups;
        self.groups += 1;
        if !required && g % 13 == 12 {
            return None;
        }
        if !required
            && g % 9 == 8
            && let Some(k) = values.iter().position(|v| v == "dont_know")
        {
            return Some(k);
        }
        let mut k = Self::PATTERN[g % Self::PATTERN.len()] % values.len();
        if values[k] == "dont_know" {
            k = k.saturating_sub(1);
        }
        Some(k)
    }
}

/// Chooses in the focused radio group: Space for the first option, Down arrows for
/// the others (each one moves to and checks the next radio).
async fn choose(client: &Client, f: &Focused, chooser: &mut Chooser) {
    let values = radio_values(client, &f.name).await;
    assert_eq!(
        f.value, values[0],
        "Tab entered the group {} at its first option",
        f.name
    );
    let Some(k) = chooser.pick(&values, f.required) else {
        return;
    };
    if k == 0 {
        press(client, &[Key::Space]).await;
    } else {
        press(client, &vec![Key::Down; k]).await;
    }
    let after = focused(client).await;
    assert!(
        after.checked && after.name == f.name && after.value == values[k],
        "wanted {}={} by keyboard, focus is on {after:?}",
        f.name,
        values[k]
    );
    chooser.answered += 1;
}

fn text_answer(name: &str) -> Option<&'static str> {
    Some(match name {
        "sales_team_size" => "25",
        "contact_name" => "Avery Keyboard",
        "contact_company" => "Tabstop Ltd",
        "contact_email" => "avery@example.com",
        "qualified_opportunities" => "120",
        "average_deal_value" => "18000",
        "stated_win_rate" => "25",
        "sales_cycle_days" => "90",
        "quota_attainment" => "92",
        "deals_won" => "30",
        "deals_won_value" => "540000",
        "deals_lost" => "70",
        "deals_lost_value" => "1200000",
        "deals_open" => "20",
        "deals_open_value" => "360000",
        _ => return None,
    })
}

/// The score shown in a report gauge, checked against the gauge's label.
async fn gauge(client: &Client, panel: &str, label: &str) -> String {
    let svg = client
        .find(Locator::Css(&format!("figure.panel.{panel} svg")))
        .await
        .unwrap_or_else(|e| panic!("the {panel} gauge: {e}"));
    let caption = svg
        .find(Locator::Css("text.gauge-label"))
        .await
        .expect("gauge label");
    assert_eq!(text_of(&caption).await, label);
    let score = svg
        .find(Locator::Css("text.gauge-score"))
        .await
        .expect("gauge score");
    let shown = text_of(&score).await;
    let aria = svg
        .attr("aria-label")
        .await
        .expect("aria-label")
        .unwrap_or_default();
    assert!(
        aria.starts_with(&format!("{label} {shown}")),
        "the {panel} gauge says {shown:?} but is labelled {aria:?}"
    );
    shown
}

async fn text_of(element: &fantoccini::elements::Element) -> String {
    let text = element.text().await.expect("text");
    if text.trim().is_empty() {
        element
            .prop("textContent")
            .await
            .expect("textContent")
            .unwrap_or_default()
            .trim()
            .to_string()
    } else {
        text.trim().to_string()
    }
}

// ---- Keyboard and focus --------------------------------------------------------

/// Presses and releases each key in turn.
async fn press(client: &Client, keys: &[Key]) {
    let chars: Vec<char> = keys.iter().map(|&k| char::from(k)).collect();
    send_chars(client, &chars).await;
}

async fn type_text(client: &Client, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    send_chars(client, &chars).await;
}

async fn send_chars(client: &Client, chars: &[char]) {
    let mut keyboard = KeyActions::new("keyboard".to_string());
    for &value in chars {
        keyboard = keyboard
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    client
        .perform_actions(keyboard)
        .await
        .expect("keyboard input");
}

/// What has the focus, read from the page (reading only; nothing is set by script).
#[derive(Debug, Deserialize)]
struct Focused {
    tag: String,
    kind: String,
    name: String,
    value: String,
    checked: bool,
    required: bool,
    classes: String,
    text: String,
    /// A focus outline is drawn on the element or on its label.
    ring: bool,
}

async fn focused(client: &Client) -> Focused {
    let script = r#"
        const e = document.activeElement || document.body;
        const ring = (el) => {
            const s = getComputedStyle(el);
            return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
        };
        const fieldset = e.closest ? e.closest("fieldset") : null;
        return {
            tag: e.tagName.toLowerCase(),
            kind: (e.type || "").toString(),
            name: (e.name || "").toString(),
            value: (e.value === undefined ? "" : e.value).toString(),
            checked: !!e.checked,
            required: !!(fieldset && fieldset.querySelector("legend .req")),
            classes: (typeof e.className === "string" ? e.className : ""),
            text: (e.innerText || "").trim(),
            ring: ring(e) || Array.from(e.labels || []).some(ring),
        };
    "#;
    let value = client.execute(script, vec![]).await.expect("read focus");
    serde_json::from_value(value).expect("focus description")
}

async fn radio_values(client: &Client, name: &str) -> Vec<String> {
    let value = client
        .execute(
            "return Array.from(document.getElementsByName(arguments[0])).map((r) => r.value);",
            vec![json!(name)],
        )
        .await
        .expect("radio values");
    let values: Vec<String> = serde_json::from_value(value).expect("values");
    assert!(!values.is_empty(), "no radios named {name}");
    values
}

// ---- Navigation ----------------------------------------------------------------

async fn wait_loaded(client: &Client) {
    let deadline = Instant::now() + NAVIGATION;
    loop {
        let state = client
            .execute("return document.readyState;", vec![])
            .await
            .expect("readyState");
        if state == "complete" {
            return;
        }
        assert!(Instant::now() < deadline, "the page never finished loading");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the browser has left `from`; returns the new path. Fails with the
/// page's error summary when the form came back with errors instead.
async fn wait_for_new_path(client: &Client, from: &str) -> String {
    let deadline = Instant::now() + NAVIGATION;
    loop {
        let url = client.current_url().await.expect("current url");
        assert_eq!(url.host_str(), Some("127.0.0.1"), "left the test server");
        if url.path() != from {
            wait_loaded(client).await;
            return url.path().to_string();
        }
        if Instant::now() >= deadline {
            let errors = match client.find(Locator::Css(".error-summary")).await {
                Ok(summary) => summary.text().await.unwrap_or_default(),
                Err(_) => "no error summary".to_string(),
            };
            panic!("Enter on {from} did not move on: {errors}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---- Window size and screenshots -----------------------------------------------

/// Sizes the window so that the page's viewport is `width` x `height` CSS pixels.
async fn set_viewport(client: &Client, width: u32, height: u32) {
    let mut inner = (0, 0);
    let (mut outer_w, mut outer_h) = (width, height);
    // A loaded machine may apply a resize late: ask again, a little later each time.
    for attempt in 0..8u64 {
        client
            .set_window_size(outer_w, outer_h)
            .await
            .expect("resize the window");
        tokio::time::sleep(std::time::Duration::from_millis(50 * attempt)).await;
        inner = viewport(client).await;
        if inner == (width, height) {
            return;
        }
        outer_w = (outer_w + width).saturating_sub(inner.0).max(1);
        outer_h = (outer_h + height).saturating_sub(inner.1).max(1);
    }
    panic!("wanted a {width}x{height} viewport, the browser gives {inner:?}");
}

async fn viewport(client: &Client) -> (u32, u32) {
    let value = client
        .execute(
            "return [document.documentElement.clientWidth, window.innerHeight];",
            vec![],
        )
        .await
        .expect("viewport size");
    let size: (u32, u32) = serde_json::from_value(value).expect("two numbers");
    size
}

/// A full-page PNG at `width` CSS pixels: the window is made as tall as the page.
async fn shoot(client: &Client, width: u32, file: &Path) {
    set_viewport(client, width, 800).await;
    let value = client
        .execute(
            "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));",
            vec![],
        )
        .await
        .expect("page height");
    let height: u32 = serde_json::from_value(value).expect("a height");
    set_viewport(client, width, height.clamp(200, MAX_SHOT_HEIGHT)).await;
    let (client_width, _) = viewport(client).await;
    let overflow: u32 = serde_json::from_value(
        client
            .execute("return document.documentElement.scrollWidth;", vec![])
            .await
            .expect("scroll width"),
    )
    .expect("a width");
    if overflow > client_width {
        // Name the elements that stick out, outermost first.
        let culprits = client
            .execute(
                "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');",
                vec![],
            )
            .await
            .expect("culprits");
        panic!(
            "{}: the page is {overflow}px wide in a {client_width}px window (horizontal scrolling): {culprits}",
            file.display()
        );
    }
    let png = client.screenshot().await.expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
    std::fs::write(file, png).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
}

fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}

// ---- Browser and chromedriver --------------------------------------------------

/// One browser test at a time: two Chromiums side by side on a loaded machine
/// resize their windows too late for the viewport checks.
async fn one_browser_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    BROWSER.lock().await
}

/// Chromium and chromedriver, or `None` (after saying so) when the test is skipped.
fn browser_binaries() -> Option<(PathBuf, PathBuf)> {
    let path = |var: &str, default: &str| {
        std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from)
    };
    let chromium = path("CHROMIUM", "/usr/bin/chromium");
    let chromedriver = path("CHROMEDRIVER", "/usr/bin/chromedriver");
    if chromium.is_file() && chromedriver.is_file() {
        return Some((chromium, chromedriver));
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "the browser test needs chromium ({}) and chromedriver ({}); install the Debian \
             packages chromium and chromium-driver, or set CHROMIUM and CHROMEDRIVER",
            chromium.display(),
            chromedriver.display()
        );
    }
    println!("skipped: chromium or chromedriver not installed");
    None
}

/// chromedriver as a child process on a free local port. Dropping it ends the
/// browser session (if any) and stops chromedriver, on failure too.
struct Chromedriver {
    child: Child,
    port: u16,
    session: Option<String>,
    log: PathBuf,
    /// The log and the browser profile; removed after the processes are gone.
    dir: tempfile::TempDir,
}

impl Chromedriver {
    fn spawn(binary: &Path) -> Chromedriver {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("chromedriver.log");
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", binary.display()));
        Chromedriver {
            child,
            port,
            session: None,
            log,
            dir,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn wait_ready(&mut self) {
        let deadline = Instant::now() + DRIVER_READY;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "chromedriver exited at start ({status}): {}",
                    self.log_tail()
                );
            }
            if let Ok((200, body)) = http(self.port, "GET", "/status", Duration::from_secs(2))
                && body.contains("\"ready\":true")
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not answer on port {} within {DRIVER_READY:?}: {}",
                self.port,
                self.log_tail()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn connect(&mut self, chromium: &Path) -> Client {
        let profile = self.dir.path().join("profile");
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "timeouts".into(),
            json!({ "pageLoad": 30_000, "script": 10_000, "implicit": 0 }),
        );
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    // No name resolves: the test server is reached by IP, nothing else is.
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                    "--hide-scrollbars",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }),
        );
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        let client = match tokio::time::timeout(SESSION_START, builder.connect(&self.url())).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!("start chromium: {e}; chromedriver log: {}", self.log_tail()),
            Err(_) => panic!(
                "chromium did not start within {SESSION_START:?}; chromedriver log: {}",
                self.log_tail()
            ),
        };
        self.session = client.session_id().await.expect("session id");
        client
    }

    fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let quick = Duration::from_secs(5);
        if let Some(session) = self.session.take() {
            // Quits Chromium; without it the browser would outlive chromedriver.
            let _ = http(self.port, "DELETE", &format!("/session/{session}"), quick);
        }
        let _ = http(self.port, "GET", "/shutdown", quick);
        let deadline = Instant::now() + quick;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A one-shot HTTP/1.1 request to chromedriver, blocking, with a timeout. Reads
/// `Content-Length` bytes of body: chromedriver may keep the connection open.
fn http(port: u16, method: &str, path: &str, timeout: Duration) -> std::io::Result<(u16, String)> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    let mut received = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk)?;
        received.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&received);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
                .and_then(|(_, value)| value.trim().parse::<usize>().ok());
            if n == 0 || length.is_some_and(|length| body.len() >= length) {
                let status = head
                    .split(' ')
                    .nth(1)
                    .and_then(|code| code.parse().ok())
                    .unwrap_or(0);
                return Ok((status, body.to_string()));
            }
        }
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
    }
}

// ---- The operator console ---------------------------------------------------------

#[actix_web::test]
async fn an_operator_signs_in_and_compares_two_peer_groups_in_a_real_browser() {
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let _one_browser = one_browser_at_a_time().await;
    let shots = screenshot_dir();
    let app = spawn_app_with(200).await;
    common::add_operator_with(&app, "ops", "operator password 1").await;
    let mut driver = Chromedriver::spawn(&chromedriver);
    let outcome = tokio::time::timeout(TOTAL, async {
        driver.wait_ready().await;
        let client = driver.connect(&chromium).await;
        set_viewport(&client, LAPTOP, 900).await;
        client
            .goto(&app.url("/admin"))
            .await
            .expect("open the console");
        wait_loaded(&client).await;
        let url = client.current_url().await.expect("url");
        assert_eq!(url.path(), "/admin/login", "the console asks for a sign-in");
        client
            .find(Locator::Css("#name"))
            .await
            .expect("name")
            .send_keys("ops")
            .await
            .expect("type");
        client
            .find(Locator::Css("#password"))
            .await
            .expect("password")
            .send_keys("operator password 1")
            .await
            .expect("type");
        client
            .find(Locator::Css("button.primary"))
            .await
            .expect("sign in")
            .click()
            .await
            .expect("click");
        wait_for_new_path(&client, "/admin/login").await;
        assert!(
            client
                .source()
                .await
                .expect("html")
                .contains("Participation")
        );

        client
            .find(Locator::LinkText("Compare peer groups"))
            .await
            .expect("link")
            .click()
            .await
            .expect("click");
        wait_for_new_path(&client, "/admin").await;
        for (field, value) in [
            ("#g1_synthetic", None),
            ("#g2_synthetic", None),
            ("#g2_industry", Some("software")),
        ] {
            let element = client
                .find(Locator::Css(field))
                .await
                .expect("filter field");
            match value {
                Some(v) => element.select_by_value(v).await.expect("select"),
                None => element.click().await.expect("tick"),
            }
        }
        client
            .find(Locator::Css("form.group-forms button.primary"))
            .await
            .expect("compare")
            .click()
            .await
            .expect("click");
        let mut url = client.current_url().await.expect("url");
        for _ in 0..100 {
            if url.query().is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            url = client.current_url().await.expect("url");
        }
        wait_loaded(&client).await;
        assert!(
            url.query()
                .is_some_and(|q| q.contains("g2_industry=software")),
            "the filters are in the URL: {url}"
        );
        let html = client.source().await.expect("html");
        assert!(
            html.contains("1: Everyone, with synthetic"),
            "group 1 is named"
        );
        assert!(
            html.contains("2: Software and internet, with synthetic"),
            "group 2 is named"
        );
        assert!(
            html.contains("<svg class=\"chart histogram\""),
            "distribution charts are drawn"
        );
        // The top of the comparison: the groups, their sizes and the first charts.
        set_viewport(&client, LAPTOP, 2000).await;
        let png = client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"));
        std::fs::write(shots.join("console-compare-laptop.png"), png)
            .expect("write the screenshot");
        client.close().await.expect("close the session");
    })
    .await;
    if outcome.is_err() {
        panic!(
            "the console journey did not finish within {TOTAL:?}; chromedriver log: {}",
            driver.log_tail()
        );
    }
    println!("console screenshot saved in {}", shots.display());
}

// ---- The mixed persona ---------------------------------------------------------

/// How the mixed persona types her numbers: the forms people use, not plain digits.
fn typed_number(item: &str, value: &serde_json::Value) -> String {
    match item {
        "average_deal_value" => "$25k".to_string(),
        "stated_win_rate" => "30%".to_string(),
        "sales_cycle_days" => "90 days".to_string(),
        "deals_lost_value" => "621 000".to_string(),
        "deals_won_value" => "$264,000".to_string(),
        _ => value.to_string(),
    }
}

/// The VP of sales of the issue walks the questionnaire with the mouse, types her
/// numbers the way she writes them, checks that the page read them right, and
/// reads her report: both KEEP and STOP, her own velocity in dollars, peer medians
/// and the tensions between her answers. The report and the PDF's first page are
/// saved as screenshots.
#[actix_web::test]
async fn the_mixed_persona_walks_the_questionnaire_and_reads_a_consistent_report() {
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let _one_browser = one_browser_at_a_time().await;
    let shots = screenshot_dir();
    let app = spawn_app_with(200).await;
    let mut driver = Chromedriver::spawn(&chromedriver);
    let outcome = tokio::time::timeout(TOTAL, async {
        driver.wait_ready().await;
        mixed_persona(&app, &mut driver, &chromium, &shots).await;
    })
    .await;
    if outcome.is_err() {
        panic!(
            "the mixed persona did not finish within {TOTAL:?}; chromedriver log: {}",
            driver.log_tail()
        );
    }
}

/// Waits for the numbers page shown again with how each number was read;
/// returns its text.
async fn numbers_read_back(client: &Client) -> String {
    let deadline = Instant::now() + NAVIGATION;
    while client.find(Locator::Css("#numbers-check")).await.is_err() {
        assert!(
            Instant::now() < deadline,
            "the numbers page did not show how the numbers were read"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_loaded(client).await;
    page_text(client).await
}

/// The report id of the path the last page led to.
fn report_id(path: &str) -> String {
    path.strip_prefix("/r/")
        .unwrap_or_else(|| panic!("the last page led to {path}, not a report"))
        .to_string()
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("find {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn page_text(client: &Client) -> String {
    // Right after a click the browser may be between two documents, with no
    // body for a moment: ask again briefly before calling it missing.
    for _ in 0..40 {
        if let Ok(body) = client.find(Locator::Css("body")).await
            && let Ok(text) = body.text().await
        {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let body = client.find(Locator::Css("body")).await.expect("body");
    body.text().await.expect("text")
}

async fn mixed_persona(app: &TestApp, driver: &mut Chromedriver, chromium: &Path, shots: &Path) {
    let persona = common::example("mixed-vp-of-sales");
    let answers = persona.as_object().expect("an object");
    let client = driver.connect(chromium).await;
    set_viewport(&client, LAPTOP, 900).await;
    client.goto(&app.url("/")).await.expect("landing");
    wait_loaded(&client).await;
    click(&client, "form button").await;
    let mut path = wait_for_new_path(&client, "/").await;
    let mut numbers_page = None;
    for page in 1..=PAGES {
        let fields = client
            .find_all(Locator::Css("form fieldset.item"))
            .await
            .expect("questions");
        for field in fields {
            let id = field.attr("id").await.expect("id").unwrap_or_default();
            let item = id.trim_start_matches("q-").to_string();
            let Some(value) = answers.get(&item) else {
                continue;
            };
            match field.find(Locator::Css("input[type=text]")).await {
                Ok(input) => {
                    let text = match value {
                        serde_json::Value::String(s) => s.clone(),
                        v => {
                            if item == "average_deal_value" {
                                numbers_page = Some(page);
                            }
                            typed_number(&item, v)
                        }
                    };
                    input.clear().await.expect("clear");
                    input.send_keys(&text).await.expect("type");
                }
                Err(_) => {
                    let option = value.as_str().expect("an option id");
                    click(&client, &format!("#{item}--{option}")).await;
                }
            }
        }
        let button = if page == PAGES {
            "button[value=submit]"
        } else {
            "button[value=next]"
        };
        click(&client, button).await;
        // On first entry the numbers page comes back once, showing how each
        // typed figure was read, before moving on.
        if numbers_page == Some(page) && page < PAGES {
            let text = numbers_read_back(&client).await;
            for read in [
                "Read as $25,000",
                "Read as 90 days",
                "Read as 30%",
                "Read as $621,000",
            ] {
                assert!(text.contains(read), "the page does not echo {read:?}");
            }
            numbers_page = None;
            click(&client, button).await;
        }
        path = wait_for_new_path(&client, &path).await;
    }
    let id = report_id(&path);
    let text = page_text(&client).await;
    for expected in [
        "KEEP",
        "STOP",
        "Where your answers disagree",
        "Strong negotiator, yet the end of the deal is the hardest part",
        "Your numbers put your sales velocity at $10,000 of revenue a day",
        "$14,789 a day",
        "The peer median is",
        "You stated a win rate of 30%; your 35 decided deals give 34.3% by count and 29.8% by value.",
        "Your sales cycle is 90 days, much longer than the median of your peer group",
    ] {
        assert!(
            text.contains(expected),
            "the report does not say {expected:?}"
        );
    }
    for never in ["did not score better.", "not enough peers", "If you chose"] {
        assert!(!text.contains(never), "the report says {never:?}");
    }
    let ticks = client
        .find_all(Locator::Css(".median-tick"))
        .await
        .expect("median ticks");
    assert_eq!(
        ticks.len(),
        6,
        "a peer-median tick on both gauges and four bars"
    );
    // The report is too tall for one window; the first screens carry the summary,
    // the executive summary and the actions, the last one her numbers.
    // The window is as tall as the browser allows, up to 3,000 pixels; the exact
    // height does not matter for a picture.
    client
        .set_window_size(LAPTOP, 3000)
        .await
        .expect("resize the window");
    client
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .expect("scroll to the top");
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(shots.join("mixed-persona-report.png"), png).expect("write the screenshot");
    client
        .set_window_size(LAPTOP, 1400)
        .await
        .expect("resize the window");
    client
        .execute(
            "document.getElementById('numbers-h').scrollIntoView();",
            vec![],
        )
        .await
        .expect("scroll to her numbers");
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(shots.join("mixed-persona-numbers.png"), png).expect("write the screenshot");

    // The PDF, named after the company and the date; its first page as an image.
    let pdf = app
        .client()
        .get(app.url(&format!("/r/{id}.pdf")))
        .send()
        .await
        .expect("the PDF");
    let disposition = pdf
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        disposition.contains("filename=\"northwind-software-dealbench-report-"),
        "{disposition}"
    );
    let bytes = pdf.bytes().await.expect("PDF bytes");
    let file = shots.join("mixed-persona-report.pdf");
    std::fs::write(&file, &bytes).expect("write the PDF");
    let rendered = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&file)
        .arg(shots.join("mixed-persona-pdf-page1"))
        .status();
    match rendered {
        Ok(status) => assert!(status.success(), "pdftoppm failed on the report"),
        Err(e) if std::env::var_os("CI").is_some() => panic!("pdftoppm: {e}"),
        Err(e) => println!(
            "pdftoppm not run ({e}): the PDF is saved as {}",
            file.display()
        ),
    }
    client.close().await.expect("end the browser session");
    driver.session = None;
}

// ---- The team report ----------------------------------------------------------------

#[actix_web::test]
async fn a_leader_starts_a_team_in_a_real_browser_and_reads_the_team_report_and_its_pdf() {
    use common::teams::{colleague, join_counted, path_of};
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let _one_browser = one_browser_at_a_time().await;
    let shots = screenshot_dir();
    let app = spawn_app_with(40).await;
    let http = app.client();
    let report = common::fill_and_submit(&app, &http, &common::example("strong-company")).await;
    // Finished faster than a person could, so held: an operator accepts it.
    common::teams::accept(&app, &report).await;
    let mut driver = Chromedriver::spawn(&chromedriver);
    let outcome = tokio::time::timeout(TOTAL, async {
        driver.wait_ready().await;
        let client = driver.connect(&chromium).await;
        set_viewport(&client, LAPTOP, 900).await;
        // From the report: "Team assessment", then "Start a team assessment".
        client
            .goto(&app.url(&report))
            .await
            .expect("open the report");
        wait_loaded(&client).await;
        client
            .find(Locator::Css("#team-assessment"))
            .await
            .expect("the report offers a team assessment")
            .click()
            .await
            .expect("click");
        wait_for_new_path(&client, &report).await;
        client
            .find(Locator::Css("button.primary"))
            .await
            .expect("start button")
            .click()
            .await
            .expect("click");
        let invite = client
            .wait()
            .at_most(NAVIGATION)
            .for_element(Locator::Css("#invite-link"))
            .await
            .expect("the invitation link")
            .text()
            .await
            .expect("text");
        let team_report = client
            .find(Locator::Css("#team-report-link"))
            .await
            .expect("the team report link")
            .text()
            .await
            .expect("text");
        let invite = path_of(&invite);
        // Colleagues answer (over HTTP: the questionnaire in the browser has its
        // own test): two more leaders, three reps, two managers.
        for (base, role, name, shown) in [
            ("strong-company", "executive", "Alex Lead", true),
            ("average-company", "executive", "Sam Lead", false),
            ("weak-company", "rep", "Robin Rep", true),
            ("weak-company", "rep", "Kim Rep", false),
            ("average-company", "rep", "Lee Rep", false),
            ("average-company", "manager", "Max Manager", false),
            ("strong-company", "manager", "Mo Manager", false),
        ] {
            join_counted(&app, &invite, &colleague(base, role, name), shown).await;
        }
        client
            .goto(&team_report)
            .await
            .expect("open the team report");
        wait_loaded(&client).await;
        let html = client.source().await.expect("html");
        assert!(html.contains("Perception gap by role"));
        assert!(html.contains("These figures are those of the first 8 people"));
        assert!(html.contains("Leaders: 3 answered"));
        assert!(html.contains("Managers: fewer than 3 answered"));
        assert!(html.contains("class=\"gap-chart\""), "the gap is drawn");
        assert!(html.contains("Taking part: Alex Lead, Robin Rep."));
        assert!(html.contains("What this means for your team"));
        // On a phone nothing is wider than the screen: the waves are lines, not
        // a table of seven columns.
        set_viewport(&client, PHONE, 900).await;
        let wide = client
            .execute("return document.documentElement.scrollWidth;", vec![])
            .await
            .expect("width")
            .as_u64()
            .expect("a number");
        assert!(
            wide <= u64::from(PHONE),
            "the team report lays out {wide} px wide on a {PHONE} px phone"
        );
        shoot(&client, PHONE, &shots.join("team-report-phone.png")).await;
        set_viewport(&client, LAPTOP, 2400).await;
        let png = client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"));
        std::fs::write(shots.join("team-report-laptop.png"), png).expect("write");
        client.close().await.expect("close the session");

        // The PDF's first page, drawn by poppler.
        let pdf = http
            .get(format!("{team_report}.pdf"))
            .send()
            .await
            .expect("pdf")
            .bytes()
            .await
            .expect("bytes");
        assert!(pdf.starts_with(b"%PDF-"));
        let file = shots.join("team-report.pdf");
        std::fs::write(&file, &pdf).expect("write the pdf");
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&file)
            .arg(shots.join("team-report-pdf-page1"))
            .status();
        match status {
            Ok(s) => {
                assert!(s.success(), "pdftoppm failed on the team report");
                let page = std::fs::read(shots.join("team-report-pdf-page1.png"))
                    .expect("the first page as PNG");
                assert!(page.starts_with(b"\x89PNG"));
            }
            Err(e) if std::env::var_os("CI").is_none() => {
                println!("pdftoppm not available ({e}): the PDF page is not drawn");
            }
            Err(e) => panic!("pdftoppm is needed in CI: {e}"),
        }
    })
    .await;
    if outcome.is_err() {
        panic!(
            "the team journey did not finish within {TOTAL:?}; chromedriver log: {}",
            driver.log_tail()
        );
    }
    println!("team report screenshots saved in {}", shots.display());
}

// ---- The operator's first hour, and axe-core on every page ------------------------

/// Where the browser tests find axe-core's script: `AXE_CORE_JS`, or where
/// `.ci/run` installs it with npm. Missing, the test is skipped, unless `CI` is
/// set, where it fails.
fn axe_script() -> Option<String> {
    let path = std::env::var_os("AXE_CORE_JS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci/node_modules/axe-core/axe.min.js"),
        PathBuf::from,
    );
    match std::fs::read_to_string(&path) {
        Ok(script) => Some(script),
        Err(e) if std::env::var_os("CI").is_some() => panic!(
            "axe-core is needed in CI ({}: {e}); .ci/run installs it with npm",
            path.display()
        ),
        Err(e) => {
            println!("axe-core not found ({}: {e}): test skipped", path.display());
            None
        }
    }
}

/// Runs axe-core on the page as it stands, for the WCAG 2.x A and AA rules, and
/// returns each violation with the elements it names.
async fn axe_violations(client: &Client, axe: &str) -> Vec<String> {
    let loaded = client
        .execute("return typeof window.axe !== 'undefined';", vec![])
        .await
        .expect("axe present?");
    if loaded != json!(true) {
        client
            .execute(&format!("{axe}\n;return true;"), vec![])
            .await
            .expect("inject axe-core");
    }
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
               .then(r => done({ passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')) }))
               .catch(e => done({ passes: 0, violations: ['axe failed: ' + e] }));",
            vec![],
        )
        .await
        .expect("run axe-core");
    // A run that checked nothing would find nothing: it must have passed rules.
    assert!(
        found["passes"].as_u64().unwrap_or(0) > 5,
        "axe-core checked nothing: {found}"
    );
    serde_json::from_value(found["violations"].clone()).expect("a list of violations")
}

/// axe-core on the current page at laptop and phone width, and the page no wider
/// than the phone's window there; a screenshot at each width.
async fn check_page(client: &Client, axe: &str, shots: &Path, name: &str, found: &mut Vec<String>) {
    for (width, suffix) in [(LAPTOP, "1280"), (TABLET, "768"), (NARROW_PHONE, "390")] {
        // `shoot` fails on a page wider than its window.
        shoot(
            client,
            width,
            &shots.join(format!("operator-{name}-{suffix}.png")),
        )
        .await;
        set_viewport(client, width, 900).await;
        for v in axe_violations(client, axe).await {
            found.push(format!("{name} at {width}px: {v}"));
        }
    }
    set_viewport(client, LAPTOP, 900).await;
}

const TABLET: u32 = 768;
const NARROW_PHONE: u32 = 390;

async fn go(client: &Client, app: &TestApp, path: &str) {
    client.goto(&app.url(path)).await.expect("open");
    wait_loaded(client).await;
}

async fn follow_link(client: &Client, text: &str) {
    let from = client.current_url().await.expect("url").path().to_string();
    client
        .find(Locator::LinkText(text))
        .await
        .unwrap_or_else(|e| panic!("no link \"{text}\": {e}"))
        .click()
        .await
        .expect("click");
    wait_for_new_path(client, &from).await;
}

#[actix_web::test]
async fn a_new_operator_walks_the_console_and_axe_finds_no_violation_on_any_page() {
    use common::smtp::SmtpReceiver;
    use common::teams::{colleague, join_counted, start_team};
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let Some(axe) = axe_script() else {
        return;
    };
    let _one_browser = one_browser_at_a_time().await;
    let shots = screenshot_dir();
    let smtp = SmtpReceiver::start();
    let app = common::spawn_app_set_up(common::Setup {
        synthetic: 40,
        email: dealbench::study::outbox::EmailSettings {
            smtp_url: Some(smtp.url()),
            ..dealbench::study::outbox::EmailSettings::default()
        },
        ..common::Setup::default()
    })
    .await;
    common::add_operator(&app, "ops").await;
    let mut driver = Chromedriver::spawn(&chromedriver);
    let outcome = tokio::time::timeout(TOTAL * 2, async {
        driver.wait_ready().await;
        let client = driver.connect(&chromium).await;
        set_viewport(&client, LAPTOP, 900).await;
        let mut violations = Vec::new();

        // Sign in.
        go(&client, &app, "/admin").await;
        check_page(&client, &axe, &shots, "sign-in", &mut violations).await;
        client
            .find(Locator::Css("#name"))
            .await
            .expect("name")
            .send_keys("ops")
            .await
            .expect("type");
        client
            .find(Locator::Css("#password"))
            .await
            .expect("password")
            .send_keys(common::PASSWORD)
            .await
            .expect("type");
        press(&client, &[Key::Enter]).await;
        wait_for_new_path(&client, "/admin/login").await;

        // Only synthetic responses: every page says so; one choice counts them.
        let html = page_text(&client).await;
        assert!(
            html.contains("This study holds only synthetic responses"),
            "{html}"
        );
        check_page(&client, &axe, &shots, "1-banner", &mut violations).await;
        follow_link(&client, "Compare peer groups").await;
        assert!(page_text(&client).await.contains("fewer than 10 responses"));
        // By keyboard: Tab from the top reaches the banner's one choice, with a
        // visible focus ring, before anything of the page itself.
        let mut tabs = 0;
        loop {
            tabs += 1;
            assert!(tabs <= 15, "Tab never reached the banner's button");
            press(&client, &[Key::Tab]).await;
            let f = focused(&client).await;
            if f.tag == "button" && f.text == "Include synthetic responses in every figure" {
                assert!(f.ring, "the banner's button shows no focus outline");
                break;
            }
            assert!(
                f.tag != "select",
                "Tab reached the filters before the banner"
            );
        }
        press(&client, &[Key::Enter]).await;
        let deadline = Instant::now() + NAVIGATION;
        while !page_text(&client)
            .await
            .contains("Synthetic responses are counted")
        {
            assert!(Instant::now() < deadline, "the choice was not taken");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        wait_loaded(&client).await;
        let url = client.current_url().await.expect("url");
        assert_eq!(
            url.path(),
            "/admin/compare",
            "back on the page the choice was made on"
        );
        let text = page_text(&client).await;
        assert!(text.contains("Synthetic responses are counted"));
        assert!(
            !text.contains("fewer than 10 responses"),
            "Everyone shows figures"
        );
        check_page(
            &client,
            &axe,
            &shots,
            "2-compare-with-synthetic",
            &mut violations,
        )
        .await;

        // Exports: the group, the files explained, the CSV from the link.
        follow_link(&client, "Exports").await;
        let text = page_text(&client).await;
        assert!(
            text.contains("Everyone, with synthetic: 40 responses"),
            "{text}"
        );
        check_page(&client, &axe, &shots, "3-exports", &mut violations).await;
        let href = client
            .find(Locator::LinkText(
                "Download the scores (dealbench-scores.csv)",
            ))
            .await
            .expect("the scores link")
            .attr("href")
            .await
            .expect("href")
            .expect("an href");
        let csv = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                vec![json!(href)],
            )
            .await
            .expect("fetch the CSV");
        let csv = csv.as_str().expect("text").to_string();
        assert!(csv.starts_with("pseudonym,submitted_at,"), "{csv:.200}");
        assert_eq!(csv.lines().count(), 41, "a header and 40 rows");

        // The questionnaire as a reviewer reads it, and a persona's report.
        follow_link(&client, "Questionnaire").await;
        assert!(page_text(&client).await.contains("Headlines per verdict"));
        check_page(&client, &axe, &shots, "4-questionnaire", &mut violations).await;
        follow_link(&client, "mixed-vp-of-sales").await;
        let text = page_text(&client).await;
        assert!(
            text.contains(
                "Preview. This is the report a respondent would get against dealbench version 1."
            ),
            "{text:.300}"
        );
        check_page(&client, &axe, &shots, "5-preview", &mut violations).await;
        assert_eq!(app.response_count().await, 40, "the preview stored nothing");

        // The other console pages, with a held response and a team to show.
        let http = app.client();
        let report = common::fill_and_submit(&app, &http, &common::example("strong-company")).await;
        common::teams::accept(&app, &report).await;
        // Finished faster than a person could: held for review.
        common::fill_and_submit(&app, &app.client(), &common::example("weak-company")).await;
        let links = start_team(&app, &http, &report).await;
        for (base, role, name) in [
            ("strong-company", "executive", "Alex Lead"),
            ("average-company", "executive", "Sam Lead"),
            ("weak-company", "rep", "Robin Rep"),
            ("weak-company", "rep", "Kim Rep"),
            ("average-company", "rep", "Lee Rep"),
        ] {
            join_counted(&app, &links.invite, &colleague(base, role, name), false).await;
        }
        for (path, name) in [
            ("/admin", "participation"),
            ("/admin/teams", "teams"),
            ("/admin/held", "held"),
            ("/admin/responses?q=example", "find-and-delete"),
        ] {
            go(&client, &app, path).await;
            check_page(&client, &axe, &shots, name, &mut violations).await;
        }
        // A Delete on the held list is not one key away: it needs its box ticked.
        go(&client, &app, "/admin/held").await;
        let held_before = page_text(&client).await;
        let delete = client
            .find(Locator::Css("form.confirm-delete button"))
            .await
            .expect("a Delete button");
        let name = delete.text().await.expect("text");
        assert!(name.starts_with("Delete"));
        let accessible = delete
            .find(Locator::Css(".visually-hidden"))
            .await
            .expect("its response named")
            .prop("textContent")
            .await
            .expect("text")
            .unwrap_or_default();
        assert!(accessible.contains("response p"), "{accessible}");
        delete.click().await.expect("click");
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(
            client.current_url().await.expect("url").path(),
            "/admin/held"
        );
        assert_eq!(
            page_text(&client).await,
            held_before,
            "nothing deleted unconfirmed"
        );

        // The respondent's pages.
        go(&client, &app, "/").await;
        check_page(&client, &axe, &shots, "respondent-landing", &mut violations).await;
        client
            .find(Locator::XPath(
                "//button[normalize-space(.)='Start the questionnaire']",
            ))
            .await
            .expect("start")
            .click()
            .await
            .expect("click");
        let first = wait_for_new_path(&client, "/").await;
        check_page(&client, &axe, &shots, "respondent-page1", &mut violations).await;
        // Saved empty: the page comes back with errors, says so in its title,
        // focuses the summary and marks the unanswered radios invalid.
        client
            .find(Locator::XPath(
                "//button[normalize-space(.)='Save and continue']",
            ))
            .await
            .expect("save")
            .click()
            .await
            .expect("click");
        let deadline = Instant::now() + NAVIGATION;
        loop {
            let title = client.title().await.expect("title");
            if title.starts_with("Error:") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "no error title on {first}: {title}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        wait_loaded(&client).await;
        let focus = client
            .execute("return document.activeElement.className;", vec![])
            .await
            .expect("focus");
        assert_eq!(
            focus,
            json!("error-summary"),
            "focus moves to the error summary"
        );
        let invalid = client
            .execute(
                "return document.querySelectorAll('input[type=radio][aria-invalid=true]').length;",
                vec![],
            )
            .await
            .expect("count");
        assert!(
            invalid.as_u64().unwrap_or(0) > 0,
            "radios with an error are marked invalid"
        );
        check_page(
            &client,
            &axe,
            &shots,
            "respondent-page-with-errors",
            &mut violations,
        )
        .await;
        for (path, name) in [
            (report.clone(), "respondent-report"),
            (format!("{report}/team"), "respondent-team-links"),
            (links.invite.clone(), "respondent-team-invitation"),
            (links.team_report.clone(), "respondent-team-report"),
            (format!("{report}/email"), "respondent-email"),
            (format!("{report}/again"), "respondent-assess-again"),
        ] {
            go(&client, &app, &path).await;
            check_page(&client, &axe, &shots, name, &mut violations).await;
        }
        client.close().await.expect("end the session");
        assert!(
            violations.is_empty(),
            "axe-core found:\n{}",
            violations.join("\n")
        );
    })
    .await;
    if outcome.is_err() {
        panic!(
            "the operator's walk did not finish within {:?}; chromedriver log: {}",
            TOTAL * 2,
            driver.log_tail()
        );
    }
    println!("operator screenshots saved in {}", shots.display());
}

// ---- In German, then French, then German again ------------------------------------

/// A German sales director answers in German, switches to French on the second
/// page and back to German on the third, types her numbers the German way
/// ("25.000 EUR", "92,5") in euros, and reads her report and its PDF: every
/// answer kept across the switches, every number read as she meant it.
#[actix_web::test]
async fn a_german_respondent_switches_language_mid_way_and_reads_her_report() {
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let _one_browser = one_browser_at_a_time().await;
    let app = spawn_app_with(200).await;
    let mut driver = Chromedriver::spawn(&chromedriver);
    let outcome = tokio::time::timeout(TOTAL, async {
        driver.wait_ready().await;
        german_respondent(&app, &mut driver, &chromium).await;
    })
    .await;
    if outcome.is_err() {
        panic!(
            "the German respondent did not finish within {TOTAL:?}; chromedriver log: {}",
            driver.log_tail()
        );
    }
}

async fn german_respondent(app: &TestApp, driver: &mut Chromedriver, chromium: &Path) {
    use dealbench::domain::language::Language;
    let q = common::study();
    let (de, fr) = (
        q.in_language(Language::German),
        q.in_language(Language::French),
    );
    let mut answers = common::example("mixed-vp-of-sales")
        .as_object()
        .expect("an object")
        .clone();
    answers.insert("currency".into(), json!("eur"));
    // Typed the German way; what each is read as.
    let german_numbers = [
        ("average_deal_value", "25.000 EUR"),
        ("quota_attainment", "92,5"),
    ];
    let client = driver.connect(chromium).await;
    set_viewport(&client, LAPTOP, 900).await;
    client.goto(&app.url("/?lang=de")).await.expect("landing");
    wait_loaded(&client).await;
    assert!(page_text(&client).await.contains(&de.name));
    click(&client, "form button.primary").await;
    let mut path = wait_for_new_path(&client, "/").await;
    for page in 1..=PAGES {
        let section = &q.sections[page - 1];
        let text = page_text(&client).await;
        let (reads, expected) = if page == 2 {
            ("French", fr)
        } else {
            ("German", de)
        };
        assert!(
            text.contains(&expected.sections[page - 1].title),
            "page {page} is not in {reads}"
        );
        for &pos in &section.items {
            let item = &q.items[pos];
            let Some(value) = answers.get(&item.id) else {
                continue;
            };
            match client
                .find(Locator::Css(&format!("#q-{} input[type=text]", item.id)))
                .await
            {
                Ok(input) => {
                    let typed = german_numbers
                        .iter()
                        .find(|(id, _)| *id == item.id)
                        .map(|(_, t)| (*t).to_string())
                        .unwrap_or_else(|| match value {
                            serde_json::Value::String(s) => s.clone(),
                            // Plain digits read the same in every language.
                            v => v.to_string(),
                        });
                    input.clear().await.expect("clear");
                    input.send_keys(&typed).await.expect("type");
                }
                Err(_) => {
                    let option = value.as_str().expect("an option id");
                    click(&client, &format!("#{}--{option}", item.id)).await;
                }
            }
        }
        // Page 1 switches to French, page 2 back to German: each switch saves
        // what was chosen and shows the same page again.
        if page <= 2 {
            let to = if page == 1 { "fr" } else { "de" };
            click(&client, &format!("button[value=lang-{to}]")).await;
            let deadline = Instant::now() + NAVIGATION;
            loop {
                let html = client.source().await.unwrap_or_default();
                if html.contains(&format!("<html lang=\"{to}\">")) {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "page {page} did not switch to {to}"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            wait_loaded(&client).await;
            for &pos in &section.items {
                let item = &q.items[pos];
                if let Some(option) = answers.get(&item.id).and_then(|v| v.as_str())
                    && !item.options.is_empty()
                {
                    let radio = client
                        .find(Locator::Css(&format!("#{}--{option}", item.id)))
                        .await
                        .expect("the option");
                    assert!(
                        radio.prop("checked").await.expect("checked").as_deref() == Some("true"),
                        "page {page}: {} lost its answer in the switch",
                        item.id
                    );
                }
            }
        }
        let button = if page == PAGES {
            "button[value=submit]"
        } else {
            "button[value=next]"
        };
        click(&client, button).await;
        if section.id == "company_numbers" {
            // The numbers page shows once how each was read, the German way.
            // The browser hands no-break spaces back as spaces.
            let text = numbers_read_back(&client).await.replace('\u{a0}', " ");
            for read in ["25.000 €", "92,5 %"] {
                assert!(
                    text.contains(read),
                    "the page does not echo {read:?}:\n{text}"
                );
            }
            click(&client, button).await;
        }
        path = wait_for_new_path(&client, &path).await;
    }
    let id = report_id(&path);
    // Her report speaks German, as she answered, with her amount in euros
    // written the German way.
    let text = page_text(&client).await.replace('\u{a0}', " ");
    assert!(
        text.contains("25.000 €"),
        "her amount in euros, as she typed it:\n{text}"
    );
    assert!(text.contains("92"), "her quota attainment");
    assert!(text.contains("Unternehmensindex") && !text.contains("Executive summary"));
    let pdf = app
        .client()
        .get(app.url(&format!("/r/{id}.pdf")))
        .send()
        .await
        .expect("the PDF");
    assert_eq!(pdf.status(), 200);
    let bytes = pdf.bytes().await.expect("PDF bytes");
    let text = common::pdf_text(&bytes)
        .unwrap_or_default()
        .replace('\u{a0}', " ");
    assert!(
        text.contains("25.000 €") && text.contains("Unternehmensindex"),
        "the PDF carries her amount in euros, in German"
    );
    assert_eq!(
        app.database
            .texts(&format!("SELECT language FROM responses WHERE id = '{id}'")),
        vec![vec![Some("de".to_string())]]
    );
    client.close().await.expect("end the browser session");
    driver.session = None;
}
