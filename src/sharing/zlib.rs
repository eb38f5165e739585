//! Share and reply links made and opened with the browser's own zlib
//! (`CompressionStream`, `DecompressionStream`): `link` and `reply` decide what a link
//! holds; this is the only code that compresses.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CompressionFormat, CompressionStream, DecompressionStream, ReadableStream, ReadableStreamDefaultReader,
    ReadableStreamReadResult, ReadableWritablePair,
};

use super::link::{compressed_bytes, fragment, read_share, LinkText, ShareError, MAX_LINK_TEXT_BYTES};
use super::reply::{read_reply, Reply};
use crate::domain::model::Plan;

/// Which way the bytes go through zlib. "deflate" is the zlib format, whose checksum
/// catches a changed link.
#[derive(Clone, Copy)]
enum Direction {
    Compress,
    Decompress,
}

/// Runs `bytes` through the browser's zlib and collects what comes out, stopping once
/// more than `limit` bytes have come: a short link must not inflate into something huge.
async fn run_through(direction: Direction, bytes: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    // Browsers before Safari 16.4 and Firefox 113 have no compression streams.
    let pair = match direction {
        Direction::Compress => CompressionStream::new(CompressionFormat::Deflate)
            .map(|zlib| ReadableWritablePair::new(&zlib.readable(), &zlib.writable())),
        Direction::Decompress => DecompressionStream::new(CompressionFormat::Deflate)
            .map(|zlib| ReadableWritablePair::new(&zlib.readable(), &zlib.writable())),
    }
    .map_err(|_| ShareError::NoCompression)?;
    let input = Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))
        .map_err(|_| ShareError::NoCompression)?;
    let output: ReadableStream = input.stream().pipe_through(&pair);
    let reader: ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        // A changed or cut link makes the read fail: zlib's checksum or its end is wrong.
        let chunk: ReadableStreamReadResult =
            JsFuture::from(reader.read()).await.map_err(|_| ShareError::Damaged)?.unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            return Ok(out);
        }
        let piece: Uint8Array = chunk.get_value().dyn_into().map_err(|_| ShareError::Damaged)?;
        if out.len() + piece.length() as usize > limit {
            let _ = reader.cancel();
            return Err(ShareError::Damaged);
        }
        out.extend(piece.to_vec());
    }
}

/// The whole link: this page's address and the compressed fragment.
pub async fn make_link(address: &str, content: &LinkText) -> Result<String, ShareError> {
    let compressed = run_through(Direction::Compress, content.text.as_bytes(), usize::MAX).await?;
    Ok(format!("{address}{}", fragment(content.kind, &compressed)))
}

/// The text a share or reply link's DATA part holds, uncompressed.
pub async fn open_link(data: &str) -> Result<Vec<u8>, ShareError> {
    run_through(Direction::Decompress, &compressed_bytes(data)?, MAX_LINK_TEXT_BYTES).await
}

/// The plan in a share link's DATA part (after `#/share/`).
pub async fn open_share(data: &str) -> Result<Plan, ShareError> {
    read_share(open_link(data).await?)
}

/// The reply in a reply link's DATA part (after `#/reply/`).
pub async fn open_reply(data: &str) -> Result<Reply, ShareError> {
    read_reply(open_link(data).await?)
}
