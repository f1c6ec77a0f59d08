//! Executes an [`HttpRequest`] with the global `fetch` (through gloo-net), with a timeout.
//!
//! Works wherever a global `fetch` exists: pages, web workers, Node and edge runtimes. It sets
//! none of `mode`, `credentials`, `referrer` or `referrerPolicy`, which edge runtimes reject, and
//! never touches `window`.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

use crate::error::{ErrorKind, SmsPartnerError};
use crate::wire::HttpRequest;

#[wasm_bindgen]
extern "C" {
    // `catch`: a page's own `setTimeout` may throw; that must not unwind through wasm.
    #[wasm_bindgen(catch, js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, millis: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue) -> Result<(), JsValue>;
}

/// The status and body text of an answer.
pub struct HttpAnswer {
    /// HTTP status.
    pub status: u16,
    /// Body text.
    pub body: String,
}

/// Aborts the fetch when its timer fires, and clears the timer and aborts when dropped before
/// the answer has been read whole.
struct AbortGuard {
    controller: AbortController,
    timer: Option<JsValue>,
    /// The answer was read whole: nothing is left to abort (an abort then only costs an event).
    finished: bool,
    timed_out: Rc<Cell<bool>>,
    _on_timeout: Option<Closure<dyn FnMut()>>,
}

impl AbortGuard {
    fn new(timeout_ms: Option<f64>) -> Result<AbortGuard, SmsPartnerError> {
        let controller = AbortController::new()
            .map_err(|_| SmsPartnerError::new(ErrorKind::Network, "AbortController is missing"))?;
        let timed_out = Rc::new(Cell::new(false));
        let mut guard = AbortGuard {
            controller,
            timer: None,
            finished: false,
            timed_out: timed_out.clone(),
            _on_timeout: None,
        };
        if let Some(millis) = timeout_ms {
            let controller = guard.controller.clone();
            // `abort()` without a reason: fetch then rejects with an `AbortError` DOMException.
            let on_timeout = Closure::<dyn FnMut()>::new(move || {
                timed_out.set(true);
                controller.abort();
            });
            let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), millis).map_err(|_| {
                SmsPartnerError::new(
                    ErrorKind::Network,
                    "setTimeout failed: the request was not sent (it could not be timed)",
                )
            })?;
            guard.timer = Some(timer);
            guard._on_timeout = Some(on_timeout);
        }
        Ok(guard)
    }

    fn timed_out(&self) -> bool {
        self.timed_out.get()
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            // A page's `clearTimeout` that throws leaves the timer set: when it fires, the
            // closure is gone and wasm-bindgen's wrapper throws in that timer's own task, in
            // JavaScript, never through wasm.
            let _ = clear_timeout(&timer);
        }
        if !self.finished {
            self.controller.abort();
        }
    }
}

/// Sends `request` once and returns the answer; nothing is ever retried here.
///
/// # Errors
/// `timeout` when `timeout_ms` passed first, `network` when no answer came back whole.
pub async fn execute(
    request: &HttpRequest,
    timeout_ms: Option<f64>,
) -> Result<HttpAnswer, SmsPartnerError> {
    let mut guard = AbortGuard::new(timeout_ms)?;
    let failed = |guard: &AbortGuard, what: &str, error: gloo_net::Error| {
        if guard.timed_out() {
            SmsPartnerError::new(
                ErrorKind::Timeout,
                "no answer from SMS Partner in time; the request may have arrived",
            )
        } else {
            SmsPartnerError::new(
                ErrorKind::Network,
                format!("{what} ({}); the request may have arrived", cause(&error)),
            )
        }
    };
    let mut builder = match request.method {
        "GET" => Request::get(&request.url),
        _ => Request::post(&request.url),
    };
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    builder = builder.abort_signal(Some(&guard.controller.signal()));
    let prepared = if request.body.is_empty() {
        builder.build()
    } else {
        builder.body(request.body.as_str())
    }
    .map_err(|error| {
        SmsPartnerError::new(
            ErrorKind::Network,
            format!("the request could not be prepared ({})", cause(&error)),
        )
    })?;
    let response = prepared
        .send()
        .await
        .map_err(|error| failed(&guard, "could not reach SMS Partner", error))?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|error| failed(&guard, "the answer broke off", error).with_status(status))?;
    guard.finished = true;
    Ok(HttpAnswer { status, body })
}

/// What JavaScript said when the fetch failed (`TypeError: fetch failed`, `TypeError: Failed to
/// fetch`, `AbortError: …`), so that a DNS, TLS or CORS failure can be told apart where the
/// runtime tells them apart.
fn cause(error: &gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => format!("{}: {}", js.name, js.message),
        other => other.to_string(),
    }
}
