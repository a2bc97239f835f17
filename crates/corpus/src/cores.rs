//! Doing one piece of work for every item of a list on all cores, keeping the list's
//! order (files of an ingest run, records of one large file, the publisher's pieces); in
//! the browser, which gives the explorer one thread, the same work is done in turn.

/// `work` over every item, in order, the items shared out between the cores natively
/// and done one by one in the browser. A panic in `work` goes on to the caller.
pub fn on_every_core<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(items.len().max(1));
        if threads == 1 {
            return items.iter().map(work).collect();
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            on_every_core(&items, |n| n * 2),
            items.iter().map(|n| n * 2).collect::<Vec<_>>()
        );
        assert_eq!(on_every_core(&[] as &[u32], |n| *n), Vec::<u32>::new());
    }
}
