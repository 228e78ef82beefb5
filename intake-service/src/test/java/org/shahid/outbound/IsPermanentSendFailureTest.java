package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** The failures Angus raises for a refused recipient, built as Angus builds them, and the ones worth a retry. */
class IsPermanentSendFailureTest {

    private static final Address[] NONE = new Address[0];

    @Test
    void anAddressRefusedAtRcptIsPermanent() throws Exception {
        InternetAddress recipient = new InternetAddress();
        recipient.setAddress("name@yahoo.com.");
        SMTPAddressFailedException refused = new SMTPAddressFailedException(recipient, "RCPT TO:<name@yahoo.com.>",
                550, "5.1.3 bad recipient address syntax");
        SendFailedException angus = new SendFailedException("Invalid Addresses", refused, NONE, NONE,
                new Address[] {recipient});
        assertThat(IsPermanentSendFailure.test(angus)).isTrue();
        assertThat(IsPermanentSendFailure.test(new SendFailedException("Invalid Addresses", null, NONE, NONE,
                new Address[] {recipient}))).isTrue();
    }

    @Test
    void anUnparseableAddressAndA5xxAtDataArePermanent() {
        assertThat(IsPermanentSendFailure.test(new AddressException("Missing final '@domain'", "x"))).isTrue();
        assertThat(IsPermanentSendFailure.test(new SMTPSendFailedException("DATA", 554, "5.7.1 rejected", null,
                NONE, NONE, NONE))).isTrue();
    }

    @Test
    void greylistingAndConnectionTroubleAreRetried() throws Exception {
        InternetAddress recipient = new InternetAddress("reporter@example.org", false);
        SMTPAddressFailedException greylisted = new SMTPAddressFailedException(recipient, "RCPT TO", 451,
                "4.7.1 try again later");
        assertThat(IsPermanentSendFailure.test(new SendFailedException("Invalid Addresses", greylisted, NONE,
                new Address[] {recipient}, NONE))).isFalse();
        assertThat(IsPermanentSendFailure.test(new MessagingException("connection reset",
                new java.net.SocketException("reset")))).isFalse();
    }
}
