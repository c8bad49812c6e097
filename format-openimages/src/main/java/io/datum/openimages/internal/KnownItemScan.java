package io.datum.openimages.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ImageID scans of opening, run side by side for the files that bring no new item. When the
 * description file lists every item (Google's layout, and what Datum writes) the annotation files
 * only need the verdict "rows in item order or not", which depends on nothing but the catalog as
 * the description file left it; so those files can be scanned in any order, on every core, which
 * halves opening on two. A file that names an item the catalog does not have (or that the quick
 * scan cannot read) gets no verdict here: the caller places its items in the reference's file
 * order afterwards, as before, and nothing found here is changed by that (new items only ever go
 * after the known ones).
 */
final class KnownItemScan {
    private KnownItemScan() {
    }

    /**
     * For each file: TRUE when all its ImageIDs are in the catalog and come in item order, FALSE
     * when they are all there but not in order, null when it needs the ordered placement.
     * The catalog is only read.
     */
    static Boolean[] verdicts(List<Path> files, ItemCatalog catalog, int threads) throws IOException {
        Boolean[] verdicts = new Boolean[files.size()];
        if (catalog.size() == 0 || files.isEmpty()) {
            return verdicts;
        }
        // the biggest files first, so that the last one to finish is a small one
        List<Integer> order = new ArrayList<>();
        long[] sizes = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
            sizes[i] = Files.size(files.get(i));
        }
        order.sort(Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int k; failure.get() == null && (k = next.getAndIncrement()) < order.size(); ) {
                int i = order.get(k);
                try {
                    KnownIds sink = new KnownIds(catalog);
                    verdicts[i] = ImageIdScanner.scan(files.get(i), sink) ? sink.sorted : null;
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, files.size()); t++) {
            Thread helper = new Thread(worker, "open_images scan " + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while scanning annotation files");
            }
        }
        Throwable t = failure.get();
        if (t instanceof IOException e) {
            throw e;
        } else if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
        return verdicts;
    }

    /** Looks ids up in the catalog, giving up on the first it does not have. */
    private static final class KnownIds implements ImageIdScanner.IdSink {
        private final ItemCatalog catalog;
        private boolean sorted = true;
        private int last = -1;

        KnownIds(ItemCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean accept(String id) {
            byte[] bytes = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return accept(bytes, 0, bytes.length);
        }

        @Override
        public boolean accept(byte[] utf8, int from, int to) {
            // every id in the catalog was checked to be safe when it was added
            int position = catalog.positionOf(utf8, from, to, last + 1);
            if (position < 0) {
                return false;
            }
            sorted &= position >= last;
            last = Math.max(last, position);
            return true;
        }
    }
}
