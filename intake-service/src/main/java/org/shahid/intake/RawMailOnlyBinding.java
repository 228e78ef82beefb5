package org.shahid.intake;

import jakarta.mail.Message;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailBinding;
import org.apache.camel.component.mail.MailHeaderFilterStrategy;

/**
 * The mailbox routes' camel-mail binding: it copies none of the mail's own headers into the exchange. Intake reads
 * the raw mail itself, so those copies were only cost and risk: camel-mail decoded every header of every mail,
 * a mail could name headers that steer camel-mail's commit (CAMEL-23591), and a mail whose IMAP envelope the
 * server describes in a way Angus cannot parse failed in the copy ("Failed to load IMAP envelope"), before intake
 * could count or quarantine it, and stayed unseen forever. The mailbox routes name it as {@code binding}.
 */
public final class RawMailOnlyBinding extends MailBinding {

    public RawMailOnlyBinding() {
        super(new MailHeaderFilterStrategy(), null, false);
    }

    @Override
    protected Map<String, Object> extractHeadersFromMail(Message mailMessage, Exchange exchange) {
        return new HashMap<>();
    }
}
