package org.cxalign.web.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/campaigns/{id}/invitations}: e-mails to invite and/or a number of
 * anonymous links to create.
 *
 * @param emails customers to e-mail, each optionally with a department id
 * @param anonymousLinks how many anonymous one-time links to return
 * @param validDays how long the links work, default {@code cxalign.invitation.valid-days}
 */
public record InvitationRequest(
    @Size(max = 10000, message = "at most 10000 per request")
        List<@NotNull(message = "must not be null") @Valid Invitee> emails,
    @Min(value = 0, message = "must not be negative")
        @Max(value = 10000, message = "must be at most 10000")
        Integer anonymousLinks,
    @Min(value = 1, message = "must be at least 1")
        @Max(value = 365, message = "must be at most 365")
        Integer validDays) {

  /** One customer to e-mail. */
  public record Invitee(
      @NotBlank(message = "must not be blank")
          @Email(message = "must be an e-mail address")
          @Size(max = 254, message = "must be at most 254 characters")
          String email,
      Long departmentId) {}
}
