package org.cxalign.survey.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends invitation e-mails through the server's mail session {@code java:jboss/mail/CxAlign} (SMTP
 * host, port and sender configured in the server, see configure-server.cli).
 */
@ApplicationScoped
public class InvitationMailer {

  /** JNDI name of the mail session. */
  public static final String MAIL_SESSION = "java:jboss/mail/CxAlign";

  /**
   * Looked up when a mail is sent, not injected: a server without the mail session still deploys
   * (and only inviting by e-mail fails).
   */
  Session session() {
    try {
      return (Session) new InitialContext().lookup(MAIL_SESSION);
    } catch (NamingException e) {
      throw new IllegalStateException("No mail session " + MAIL_SESSION + " in the server", e);
    }
  }

  /**
   * Sends one invitation.
   *
   * @throws IllegalStateException when the SMTP server refuses or cannot be reached
   */
  public void send(String to, String campaignTitle, String link) {
    send(to, "Your view on us: " + campaignTitle, body(campaignTitle, link), "invitation");
  }

  /**
   * Sends one reminder, with the invitation's new link.
   *
   * @throws IllegalStateException when the SMTP server refuses or cannot be reached
   */
  public void sendReminder(String to, String campaignTitle, String link) {
    send(
        to,
        "Reminder: your view on us: " + campaignTitle,
        reminder(campaignTitle, link),
        "reminder");
  }

  private void send(String to, String subject, String text, String kind) {
    try {
      MimeMessage m = new MimeMessage(session());
      m.setFrom();
      m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
      m.setSubject(subject, StandardCharsets.UTF_8.name());
      m.setText(text, StandardCharsets.UTF_8.name());
      Transport.send(m);
    } catch (MessagingException e) {
      throw new IllegalStateException("The " + kind + " e-mail could not be sent", e);
    }
  }

  static String reminder(String campaignTitle, String link) {
    return "Hello,\n\n"
        + "a short reminder: we would still like to hear how working with us feels from your side ("
        + campaignTitle
        + "). The survey takes a few minutes and is anonymous.\n\n"
        + "Your new personal link (it works once; the link of our first e-mail no longer does):\n"
        + link
        + "\n\nThank you.\n";
  }

  static String body(String campaignTitle, String link) {
    return "Hello,\n\n"
        + "we would like to hear how working with us feels from your side ("
        + campaignTitle
        + "). The survey takes a few minutes and is anonymous: your answers are stored without"
        + " your name or address.\n\n"
        + "Your personal link (it works once):\n"
        + link
        + "\n\nThank you.\n";
  }
}
