mod support;
#[path = "server.rs"]
mod server;
