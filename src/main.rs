use std::process::ExitCode;

// The server allocates and frees many small objects per request (parsed
// answers, the report, the JSON it is sent as); mimalloc does that with less
// contention and less time than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    dealbench::cli::run()
}
