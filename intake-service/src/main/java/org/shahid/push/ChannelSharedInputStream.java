package org.shahid.push;

import jakarta.mail.internet.SharedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * A {@link SharedInputStream} over a seekable channel, so that {@code MimeMessage} and {@code MimeMultipart} parse a
 * mail by keeping offsets into it instead of its bytes: a part's content is read only when asked for, through a
 * small buffer. Positions are relative to this stream's start, as {@code SharedInputStream} requires. Each stream is
 * for one thread; the streams made from one channel share it under its lock.
 */
final class ChannelSharedInputStream extends InputStream implements SharedInputStream {

    private static final int BUFFER_BYTES = 8192;

    private final SeekableByteChannel channel;
    private final long start;
    private final long end;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private long position;
    private long mark;
    private long bufferStart;
    private int bufferLength;

    private ChannelSharedInputStream(SeekableByteChannel channel, long start, long end) {
        this.channel = channel;
        this.start = start;
        this.end = end;
        this.position = start;
        this.mark = start;
    }

    /** The channel's first {@code size} bytes. */
    static ChannelSharedInputStream over(SeekableByteChannel channel, long size) {
        return new ChannelSharedInputStream(channel, 0, size);
    }

    @Override
    public int read() throws IOException {
        if (!buffered()) {
            return -1;
        }
        return buffer[(int) (position++ - bufferStart)] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!buffered()) {
            return -1;
        }
        int count = (int) Math.min(length, bufferStart + bufferLength - position);
        System.arraycopy(buffer, (int) (position - bufferStart), target, offset, count);
        position += count;
        return count;
    }

    /** Whether the byte at the position is in the buffer, reading from the channel when it is not; false at the end. */
    private boolean buffered() throws IOException {
        if (position >= end) {
            return false;
        }
        if (position >= bufferStart && position < bufferStart + bufferLength) {
            return true;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, end - position));
        synchronized (channel) {
            channel.position(position);
            // A decrypting channel may return less than asked for, at a segment's end.
            int read;
            do {
                read = channel.read(target);
            } while (read > 0 && target.hasRemaining());
        }
        bufferStart = position;
        bufferLength = target.position();
        if (bufferLength == 0) {
            throw new EOFException("the spooled mail ended before its recorded size");
        }
        return true;
    }

    @Override
    public long skip(long count) {
        long skipped = Math.max(0, Math.min(count, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        // MimeBodyPart.getSize() reports this as the part's size.
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - position));
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = position;
    }

    @Override
    public void reset() {
        position = mark;
    }

    @Override
    public long getPosition() {
        return position - start;
    }

    @Override
    public InputStream newStream(long from, long to) {
        long absoluteEnd = to < 0 ? end : Math.min(end, start + to);
        return new ChannelSharedInputStream(channel, Math.min(start + from, absoluteEnd), absoluteEnd);
    }

    @Override
    public void close() {
        // The channel belongs to the spool, which closes it once the whole mail is handled.
    }
}
