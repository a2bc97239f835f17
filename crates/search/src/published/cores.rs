//! Sharing the publisher's work between the cores natively; in the browser (one thread)
//! the same work is done in turn.

/// `work` over every item, on every core natively (in order), one by one in the browser.
/// A panic in `work` goes on to the caller.
pub(super) fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = items.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let work = &work;
            let handles: Vec<_> = items
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(work).collect::<Vec<R>>()))
                .collect();
            let mut out = Vec::with_capacity(items.len());
            for handle in handles {
                match handle.join() {
                    Ok(done) => out.extend(done),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            out
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        items.iter().map(work).collect()
    }
}
