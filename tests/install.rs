//! Installing and running as an operator does: the binary alone in an empty folder
//! serves the study, `questionnaire copy` writes an editable copy and refuses to
//! overwrite one, output to a reader that went away ends quietly, and the README
//! lists every option of `serve`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_dealbench");

/// The binary, with no setting taken from the test's environment.
fn dealbench(binary: &Path, folder: &Path) -> Command {
    let mut command = Command::new(binary);
    command.current_dir(folder);
    for (key, _) in std::env::vars() {
        if key.starts_with("DEALBENCH_") {
            command.env_remove(key);
        }
    }
    command
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A plain HTTP/1.0 GET: the status line and the body.
fn get(address: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").expect("request");
    let mut text = String::new();
    stream.read_to_string(&mut text).expect("response");
    let status = text.lines().next().unwrap_or_default().to_string();
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    (status, body.to_string())
}

#[test]
fn the_binary_copied_alone_to_an_empty_folder_serves_the_study() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("dealbench");
    std::fs::copy(BINARY, &binary).expect("copy the binary");
    let child = dealbench(&binary, dir.path())
        .args(["serve", "--port", "0", "--demo", "20"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    let mut server = Server(child);
    let stdout = server.0.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("line");
    let address = line
        .trim()
        .strip_prefix("Dealbench is running at http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let (status, landing) = get(&address, "/");
    assert!(status.contains("200"), "{status}");
    assert!(landing.contains("Dealbench Sales Benchmark"), "{landing}");
    let (status, css) = get(&address, "/assets/dealbench.css");
    assert!(status.contains("200"), "{status}");
    assert!(!css.is_empty());
    assert!(
        landing.contains("action=\"/s\""),
        "a start button: {landing}"
    );
    // The database is made here, with the demo respondents, and is healthy.
    let deadline = Instant::now() + Duration::from_secs(30);
    let (status, health) = loop {
        let (status, body) = get(&address, "/health");
        if status.contains("200") || Instant::now() > deadline {
            break (status, body);
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.contains("200"), "{status}\n{health}");
    assert!(dir.path().join("dealbench.db").exists());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n.starts_with("dealbench")),
        "only the binary and its database: {names:?}"
    );
}

#[test]
fn questionnaire_copy_writes_an_editable_copy_that_serves_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("my-study");
    let o = dealbench(Path::new(BINARY), dir.path())
        .args(["questionnaire", "copy", "my-study"])
        .output()
        .expect("run");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("--questionnaire my-study/dealbench-v1.toml"),
        "{said}"
    );
    for file in [
        "dealbench-v1.toml",
        "README.md",
        "examples/strong-company.json",
    ] {
        assert!(folder.join(file).is_file(), "{file}");
    }
    // The copy is what the check and the scorer read once edited.
    let copy = folder.join("dealbench-v1.toml");
    let text = std::fs::read_to_string(&copy).expect("read");
    std::fs::write(
        &copy,
        text.replacen(
            "name = \"Dealbench Sales Benchmark\"",
            "name = \"Acme Sales Study\"",
            1,
        ),
    )
    .expect("edit");
    let o = dealbench(Path::new(BINARY), dir.path())
        .args(["questionnaire", "check", "my-study"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0));
    let o = dealbench(Path::new(BINARY), dir.path())
        .args([
            "questionnaire",
            "show",
            "--json",
            "my-study/dealbench-v1.toml",
        ])
        .output()
        .expect("run");
    let shown: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(shown["name"], "Acme Sales Study");
    // A second copy is refused, names the file in the way and changes nothing.
    let o = dealbench(Path::new(BINARY), dir.path())
        .args(["questionnaire", "copy", "my-study"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("dealbench-v1.toml") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(&copy)
            .expect("read")
            .contains("Acme Sales Study")
    );
}

#[test]
fn every_command_writing_to_a_closed_pipe_ends_quietly() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("questionnaires/examples/strong-company.json")
        .display()
        .to_string();
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        vec!["score", example.as_str()],
        vec!["questionnaire", "show", "--json"],
        vec!["questionnaire", "check"],
        vec!["--help"],
    ] {
        // The reader is gone before the command writes a byte.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let o = dealbench(Path::new(BINARY), dir.path())
            .args(&args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn the_readme_lists_every_option_of_serve() {
    let o = dealbench(Path::new(BINARY), Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["serve", "--help"])
        .output()
        .expect("run");
    let help = String::from_utf8_lossy(&o.stdout);
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let options: Vec<&str> = help
        .split_whitespace()
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(|w| w.trim_end_matches([',', '.', ')']))
        .filter(|w| *w != "--help")
        .collect();
    assert!(options.len() > 15, "{help}");
    for option in options {
        assert!(
            readme.contains(&format!("`{option}`")),
            "README.md does not list `{option}`"
        );
    }
}

#[test]
fn the_shipped_service_unit_raises_the_file_limit_the_readme_asks_for() {
    let unit = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/dealbench.service"),
    )
    .expect("unit");
    let value = |key: &str| {
        unit.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}="))
            .to_string()
    };
    let limit: usize = value("LimitNOFILE").parse().expect("a number");
    // max-connections + 2 x (read-connections + 1) + 64, with the defaults.
    assert!(limit >= 1000 + 2 * (8 + 1) + 64, "{limit}");
    assert!(value("ExecStart").ends_with("dealbench serve"));
}
