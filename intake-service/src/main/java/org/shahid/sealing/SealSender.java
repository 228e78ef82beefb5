package org.shahid.sealing;

import org.shahid.authentication.SenderKey;

/**
 * The sealing step of intake: seals the raw original in the sealed store and prepares what the ticket
 * transaction writes of the sender, their {@link SealedIdentity} (reply address, display name, original
 * headers, sealed by {@link SealedIdentityDao}), their pseudonym and their rate key. After this step only the
 * returned {@link SealedSender} knows who wrote; the rest of intake works on a {@link ReporterFreeMail}. Thread-safe.
 */
public final class SealSender {

    private final SealedBlobStore blobs;
    private final SenderKeys keys;

    public SealSender(SealedBlobStore blobs, SenderKeys keys) {
        this.blobs = blobs;
        this.keys = keys;
    }

    /**
     * The sender as sealed, plus the key of the sealed original (deleted again if the mail was a duplicate) and the
     * envelope it was sealed in for the custodians (null before {@code custodians init}), in which the transaction
     * seals the sender's identity record too.
     */
    public record SealedSender(SealedIdentity identity, String sealedRawKey, String pseudonym, SenderKey rateKey,
                               boolean authenticated, CustodianEnvelope custodianEnvelope) {

        public boolean hasReplyAddress() {
            return !identity.replyAddress().isEmpty();
        }

        @Override
        public String toString() {
            return "SealedSender[" + pseudonym + ", authenticated=" + authenticated + "]";
        }
    }

    public SealedSender seal(byte[] raw, String replyAddress, String displayName, String originalHeaders,
                             boolean authenticated) {
        CustodianEnvelope envelope = blobs.newCustodianEnvelope().orElse(null);
        String sealedRaw = blobs.put("mail", raw, envelope);
        return new SealedSender(new SealedIdentity(replyAddress, displayName, originalHeaders), sealedRaw,
                keys.pseudonymOf(replyAddress, authenticated), keys.rateKeyOf(replyAddress), authenticated, envelope);
    }

    /** A later delivery of a mail already recorded: its own sealed copy goes, the first one's stays. */
    public void discard(SealedSender sender) {
        blobs.delete(sender.sealedRawKey());
    }
}
