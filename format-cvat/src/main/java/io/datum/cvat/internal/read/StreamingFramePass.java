package io.datum.cvat.internal.read;

import io.datum.cvat.internal.xml.XmlCursor;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** Frames of a file whose records of each frame come in one stretch: one frame in memory at a time. */
final class StreamingFramePass implements FramePass {
    private final XmlCursor parser;
    private final BodyReader body;
    private final String subset;
    private final ArrayDeque<FrameRecord> queue = new ArrayDeque<>();
    /** One sink for every step: a method reference made in the loop would be an object per parser event. */
    private final Consumer<FrameRecord> enqueue = queue::add;
    private GroupBuilder current;
    private boolean ended;

    StreamingFramePass(XmlCursor parser, BodyReader body, String subset) {
        this.parser = parser;
        this.body = body;
        this.subset = subset;
    }

    @Override
    public Group next() {
        while (true) {
            FrameRecord r = poll();
            if (r == null) {
                Group last = current == null ? null : current.build();
                current = null;
                return last;
            }
            if (!CvatFile.accepts(r, subset)) {
                continue;
            }
            if (current != null && !current.frame().equals(r.frame())) {
                Group done = current.build();
                current = new GroupBuilder(r.frame());
                current.add(r);
                return done;
            }
            if (current == null) {
                current = new GroupBuilder(r.frame());
            }
            current.add(r);
        }
    }

    private FrameRecord poll() {
        while (queue.isEmpty() && !ended) {
            ended = !body.step(enqueue);
        }
        return queue.poll();
    }

    @Override
    public void close() {
        parser.close();
    }
}
