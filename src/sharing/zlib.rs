//! Share and reply links made and opened with the browser's own zlib
//! (`CompressionStream`, `DecompressionStream`). `export::share` decides what a link
//! holds; this is the only code that compresses. A compressor of our own was about a
//! twentieth of the app's download.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableStreamDefaultReader, ReadableStreamReadResult, ReadableWritablePair};

use crate::domain::model::Plan;
use crate::export::share::{
    compressed_bytes, fragment, read_reply, read_share, LinkText, Reply, ShareError, MAX_LINK_TEXT_BYTES,
};

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream` or `DecompressionStream`: a readable and a writable end.
    type ZlibStream;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &ZlibStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &ZlibStream) -> web_sys::WritableStream;
}

/// Builds `new CompressionStream("deflate")` or `new DecompressionStream("deflate")`.
/// "deflate" is the zlib format, with the checksum that catches a changed link.
fn zlib_stream(class: &str) -> Result<ZlibStream, ShareError> {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(class))
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .ok_or(ShareError::NoCompression)?;
    js_sys::Reflect::construct(&constructor, &Array::of1(&JsValue::from_str("deflate")))
        .map(JsCast::unchecked_into)
        .map_err(|_| ShareError::NoCompression)
}

/// Runs `bytes` through the stream and collects what comes out, stopping once more than
/// `limit` bytes have come: a short link must not inflate into something huge.
async fn run_through(class: &str, bytes: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    let zlib = zlib_stream(class)?;
    let input = Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))
        .map_err(|_| ShareError::NoCompression)?;
    let output = input.stream().pipe_through(&ReadableWritablePair::new(&zlib.readable(), &zlib.writable()));
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
        let start = out.len();
        if start + piece.length() as usize > limit {
            let _ = reader.cancel();
            return Err(ShareError::Damaged);
        }
        out.resize(start + piece.length() as usize, 0);
        piece.copy_to(&mut out[start..]);
    }
}

/// The whole link: this page's address and the compressed fragment.
pub async fn make_link(address: &str, content: &LinkText) -> Result<String, ShareError> {
    let compressed = run_through("CompressionStream", content.text.as_bytes(), usize::MAX).await?;
    Ok(format!("{address}{}", fragment(content.kind, &compressed)))
}

/// The text a share or reply link's DATA part holds, uncompressed.
pub async fn open_link(data: &str) -> Result<Vec<u8>, ShareError> {
    run_through("DecompressionStream", &compressed_bytes(data)?, MAX_LINK_TEXT_BYTES).await
}

/// The plan in a share link's DATA part (after `#/share/`).
pub async fn open_share(data: &str) -> Result<Plan, ShareError> {
    read_share(open_link(data).await?)
}

/// The reply in a reply link's DATA part (after `#/reply/`).
pub async fn open_reply(data: &str) -> Result<Reply, ShareError> {
    read_reply(open_link(data).await?)
}
