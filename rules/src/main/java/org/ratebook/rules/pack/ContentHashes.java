package org.ratebook.rules.pack;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content hash of each {@link RulePack} instance seen, remembered by identity. Finding a pack's compiled form
 * needs its hash on every decision, and SHA-256 over a 300-rule pack cost a third of a decision (docs/benchmarks.md).
 * A pack is immutable (its lists are copies), so an instance's hash never changes; callers keep their instances
 * (the versions projection caches them), so the hash is computed once per instance. Entries are weak: a pack
 * nobody holds any more is forgotten.
 */
final class ContentHashes {

    /** A weak reference equal to another only if both still point at the same instance. */
    private static final class Ref extends WeakReference<RulePack> {
        private final int identity;

        Ref(RulePack pack, ReferenceQueue<RulePack> queue) {
            super(pack, queue);
            this.identity = System.identityHashCode(pack);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Ref other)) {
                return false;
            }
            RulePack mine = get();
            return mine != null && mine == other.get();
        }

        @Override
        public int hashCode() {
            return identity;
        }
    }

    private final Map<Ref, String> hashes = new ConcurrentHashMap<>();
    private final ReferenceQueue<RulePack> released = new ReferenceQueue<>();

    String of(RulePack pack) {
        String known = hashes.get(new Ref(pack, null));
        if (known != null) {
            return known;
        }
        forgetReleased();
        String hash = pack.contentHash();
        hashes.put(new Ref(pack, released), hash);
        return hash;
    }

    int size() {
        forgetReleased();
        return hashes.size();
    }

    private void forgetReleased() {
        for (var ref = released.poll(); ref != null; ref = released.poll()) {
            hashes.remove(ref);
        }
    }
}
