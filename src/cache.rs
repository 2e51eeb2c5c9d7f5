//! A small least-recently-used map (pure). The loader keeps parsed documents
//! in one, shared by every widget on the page, so going back to a story or
//! opening a card another widget already loaded costs no request.

/// Bounded LRU map with linear lookup: at the sizes a page needs (tens of
/// documents) this is smaller and faster than hashing.
pub struct Lru<V> {
    cap: usize,
    /// Most recently used last.
    entries: Vec<(String, V)>,
}

impl<V: Clone> Lru<V> {
    pub fn new(cap: usize) -> Self {
        Lru { cap: cap.max(1), entries: Vec::new() }
    }

    pub fn get(&mut self, key: &str) -> Option<V> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        let e = self.entries.remove(i);
        let v = e.1.clone();
        self.entries.push(e);
        Some(v)
    }

    pub fn put(&mut self, key: String, value: V) {
        self.entries.retain(|(k, _)| *k != key);
        if self.entries.len() >= self.cap {
            self.entries.remove(0);
        }
        self.entries.push((key, value));
    }

    /// The value for `key`, without making it more recent.
    pub fn peek(&self, key: &str) -> Option<&V> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is held, without making it more recent.
    pub fn contains(&self, key: &str) -> bool {
        self.peek(key).is_some()
    }

    /// Forget `key` (a document the page asks to fetch again).
    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|(k, _)| k != key);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removed_entry_is_gone_and_the_others_stay() {
        let mut c = Lru::new(3);
        c.put("a".into(), 1);
        c.put("b".into(), 2);
        c.remove("a");
        c.remove("zz");
        assert_eq!((c.get("a"), c.get("b"), c.len()), (None, Some(2), 1));
    }

    #[test]
    fn evicts_the_least_recently_used_entry() {
        let mut c = Lru::new(2);
        c.put("a".into(), 1);
        c.put("b".into(), 2);
        assert_eq!(c.get("a"), Some(1)); // a is now fresher than b
        c.put("c".into(), 3);
        assert_eq!(c.get("b"), None);
        assert_eq!(c.get("a"), Some(1));
        assert_eq!(c.get("c"), Some(3));
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn putting_an_existing_key_replaces_it_without_growing() {
        let mut c = Lru::new(2);
        c.put("a".into(), 1);
        c.put("a".into(), 5);
        assert_eq!(c.len(), 1);
        assert_eq!(c.get("a"), Some(5));
    }

    #[test]
    fn peek_and_contains_leave_the_eviction_order_alone() {
        let mut c = Lru::new(2);
        c.put("a".into(), 1);
        c.put("b".into(), 2);
        assert_eq!(c.peek("a"), Some(&1));
        assert!(c.contains("a"));
        assert_eq!(c.peek("z"), None);
        assert!(!c.contains("z"));
        // Had peek or contains refreshed `a`, `b` would go here instead.
        c.put("c".into(), 3);
        assert!(!c.contains("a"));
        assert_eq!(c.peek("b"), Some(&2));
        assert_eq!(c.len(), 2);
    }
}
