/**
 * The lenient MIME reader: Jakarta Mail plus the repairs that real-world mail needs (broken boundaries, unknown
 * charsets, bad Base64, embedded uuencode, encoded words in the wrong places). It turns bytes into a
 * {@link org.shahid.parsing.ParsedMail} and knows nothing of tickets, sealing or routes.
 */
package org.shahid.parsing;
