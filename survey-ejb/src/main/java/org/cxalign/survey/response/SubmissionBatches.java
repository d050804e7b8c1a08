package org.cxalign.survey.response;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.survey.aggregate.AggregateCache;
import org.cxalign.survey.aggregate.CampaignLayout;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.participation.ParticipationKeys;

/**
 * Stores a batch of queued submissions in one transaction of plain JDBC on the writer's own
 * connection, a statement per table for the whole batch: the customers' invitations marked used,
 * the employees' participations, the responses, their answers and their aggregate outbox rows, as
 * {@link ResponseService} and {@link org.cxalign.survey.invitation.InvitationService} store one —
 * the same rows, the same checks. A batch's rows are bound as arrays, so that each statement's text
 * is the same whatever the batch's size and the database parses and plans it once per connection;
 * with a placeholder per row every batch size was another statement to parse and plan.
 *
 * <p>Only submissions that will certainly be stored are written: a submission that the
 * one-transaction path would refuse or treat specially (an unknown campaign or link, a closed
 * campaign, a department not in scope, an invalid answer, a link used or expired, an earlier
 * participation, a retry, the same respondent twice in the batch, a campaign changed since its form
 * was read) is left out and answered null, and its request goes through that path, which gives it
 * its answer. If anything fails, the whole batch rolls back ({@link BatchRefused}) and every
 * request takes that path; nothing is half stored.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class SubmissionBatches {

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @EJB AggregateCache aggregates;

  /** The batch was not stored: its transaction rolled back and nothing of it remains. */
  @ApplicationException
  public static class BatchRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An invitation row as read. */
  private record InvitationRow(
      long id, long campaignId, Long departmentId, LocalDateTime expiresAt, boolean used) {}

  /** A submission that will be written. */
  private record Accepted(
      int index,
      PendingSubmission submission,
      CampaignForm form,
      Long departmentId,
      String participationHmac,
      Long invitationId,
      Map<String, Integer> values) {}

  /**
   * Writes the storable submissions of {@code batch} on {@code con}, a connection of the writer's
   * own (the non-JTA datasource {@code CxAlignBatchDS}), stored for good before this returns. On H2
   * in one transaction: reads, a statement per table, commit. On PostgreSQL in two or three round
   * trips, each a transaction of its own: one read of the links and the campaigns, one of the
   * employees' earlier participations (only when the batch has employees), and ONE statement that
   * writes every row, checks what it wrote and commits by itself. Reads without locks are what the
   * one transaction gave too (read committed): what decides is the write, which marks a link used
   * only while it is unused, and a unique key on the participations.
   *
   * @param con the writer's connection; left with nothing pending when this returns or throws
   * @param postgresql whether {@code con} leads to PostgreSQL (decided once per connection)
   * @param forms this node's form snapshots by campaign id: read, and refreshed when stale
   * @return per submission its receipt when stored and committed, null when its request must take
   *     the one-transaction path
   * @throws BatchRefused when the batch was not stored (rolled back, or the commit failed: the
   *     caller then does not know the connection's state and should not reuse it)
   */
  public Receipt[] write(
      Connection con,
      boolean postgresql,
      List<PendingSubmission> batch,
      Map<Long, CampaignForm> forms) {
    try {
      if (con.getAutoCommit() != postgresql) {
        con.setAutoCommit(postgresql);
      }
      Receipt[] receipts = writeRows(con, postgresql, batch, forms);
      if (!postgresql) {
        con.commit();
      }
      return receipts;
    } catch (Exception e) {
      if (!postgresql) {
        rollbackQuietly(con);
      }
      throw new BatchRefused("the batch of " + batch.size() + " submissions failed: " + e, e);
    }
  }

  private static void rollbackQuietly(Connection con) {
    try {
      con.rollback();
    } catch (SQLException | RuntimeException e) {
      // the connection is broken: nothing of the batch was committed, and the caller drops it
    }
  }

  private Receipt[] writeRows(
      Connection con,
      boolean postgresql,
      List<PendingSubmission> batch,
      Map<Long, CampaignForm> forms)
      throws SQLException {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant now = Instant.now();
    Snapshot read = read(con, postgresql, batch);
    Map<String, InvitationRow> invitations = read.invitations();
    Map<Long, CampaignForm> current = currentForms(read, forms);

    List<Accepted> accepted = new ArrayList<>();
    Set<String> respondents = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      PendingSubmission p = batch.get(i);
      Accepted a =
          p.audience == Audience.EMPLOYEES
              ? acceptEmployee(i, p, current, today)
              : acceptCustomer(i, p, invitations, current, today, now);
      // the same respondent twice in one batch (a retry while the first was queued): the first
      // is stored, the second takes the one-transaction path and meets it there
      if (a != null
          && respondents.add(
              a.invitationId() != null
                  ? "i" + a.invitationId()
                  : "p" + a.form().campaignId() + ":" + a.participationHmac())) {
        accepted.add(a);
      }
    }
    accepted.removeAll(participatedAlready(con, accepted));

    Receipt[] receipts = new Receipt[batch.size()];
    if (accepted.isEmpty()) {
      return receipts;
    }
    if (postgresql) {
      writeInOneStatement(con, accepted, today);
    } else {
      insertParticipations(con, accepted);
      useInvitations(con, accepted);
      long[] ids = insertResponses(con, accepted, today);
      insertAnswersAndOutbox(con, accepted, ids);
    }
    for (Accepted a : accepted) {
      receipts[a.index()] =
          new Receipt(a.form().campaignId(), a.submission().audience, today, true);
    }
    return receipts;
  }

  private static Accepted acceptEmployee(
      int index, PendingSubmission p, Map<Long, CampaignForm> forms, LocalDate today) {
    CampaignForm form = forms.get(p.campaignId);
    if (form == null || !form.accepts(Audience.EMPLOYEES, today)) {
      return null;
    }
    Long departmentId = form.departmentId(p.department);
    List<Item> items = form.employeeForm(p.department);
    if (departmentId == null || items == null) {
      return null;
    }
    SubmissionValidator.Result result = SubmissionValidator.validate(items, p.answers, p.comment);
    if (!result.valid()) {
      return null;
    }
    return new Accepted(
        index,
        p,
        form,
        departmentId,
        ParticipationKeys.hmac(form.hmacSecret(), p.subject),
        null,
        result.values());
  }

  private static Accepted acceptCustomer(
      int index,
      PendingSubmission p,
      Map<String, InvitationRow> invitations,
      Map<Long, CampaignForm> forms,
      LocalDate today,
      Instant now) {
    InvitationRow inv = invitations.get(p.tokenHash);
    if (inv == null || inv.used() || !now.isBefore(inv.expiresAt().toInstant(ZoneOffset.UTC))) {
      return null;
    }
    CampaignForm form = forms.get(inv.campaignId());
    if (form == null || !form.accepts(Audience.CUSTOMERS, today)) {
      return null;
    }
    SubmissionValidator.Result result =
        SubmissionValidator.validate(form.customerForm(), p.answers, p.comment);
    if (!result.valid()) {
      return null;
    }
    return new Accepted(index, p, form, inv.departmentId(), null, inv.id(), result.values());
  }

  /**
   * What a batch is checked against: its links' invitation rows by token hash, and the row version
   * and the scope (department id to current name) of every campaign that its employees or its links
   * name.
   */
  private record Snapshot(
      Map<String, InvitationRow> invitations,
      Map<Long, Integer> versions,
      Map<Long, Map<Long, String>> scopes) {}

  /**
   * The invitations of the batch's tokens and the campaigns they and the employees name, read
   * without a lock: the write marks the accepted links used with a condition on {@code used =
   * FALSE} and refuses the whole batch unless every one of them was still unused, so a link used
   * meanwhile (by a retry on the one-transaction path) is never used twice. Reading and locking
   * first cost the database a second write of every row (the lock) for a race that hardly ever
   * happens. On PostgreSQL both queries go in one round trip ({@link #READ_IN_ONE_ROUND_TRIP}).
   */
  private static Snapshot read(Connection con, boolean postgresql, List<PendingSubmission> batch)
      throws SQLException {
    Set<String> hashes = new TreeSet<>();
    Set<Long> campaignIds = new TreeSet<>();
    for (PendingSubmission p : batch) {
      if (p.audience == Audience.CUSTOMERS) {
        hashes.add(p.tokenHash);
      } else {
        campaignIds.add(p.campaignId);
      }
    }
    Snapshot read = new Snapshot(new HashMap<>(), new HashMap<>(), new HashMap<>());
    if (postgresql) {
      try (PreparedStatement ps = con.prepareStatement(READ_IN_ONE_ROUND_TRIP)) {
        Array tokens = con.createArrayOf("varchar", hashes.toArray(new String[0]));
        Array campaigns = con.createArrayOf("bigint", campaignIds.toArray(new Long[0]));
        ps.setArray(1, tokens);
        ps.setArray(2, campaigns);
        ps.setArray(3, tokens);
        if (!ps.execute()) {
          throw new SQLException("the read of the batch's links returned no rows");
        }
        try (ResultSet rs = ps.getResultSet()) {
          invitationRows(rs, read);
        }
        if (!ps.getMoreResults()) {
          throw new SQLException("the read of the batch's campaigns returned no rows");
        }
        try (ResultSet rs = ps.getResultSet()) {
          campaignRows(rs, read);
        }
      }
      return read;
    }
    if (!hashes.isEmpty()) {
      try (PreparedStatement ps = con.prepareStatement(INVITATIONS)) {
        ps.setArray(1, con.createArrayOf("varchar", hashes.toArray(new String[0])));
        try (ResultSet rs = ps.executeQuery()) {
          invitationRows(rs, read);
        }
      }
    }
    for (InvitationRow inv : read.invitations().values()) {
      campaignIds.add(inv.campaignId());
    }
    if (!campaignIds.isEmpty()) {
      try (PreparedStatement ps = con.prepareStatement(CAMPAIGNS + " WHERE c.id = ANY(?)")) {
        ps.setArray(1, con.createArrayOf("bigint", campaignIds.toArray(new Long[0])));
        try (ResultSet rs = ps.executeQuery()) {
          campaignRows(rs, read);
        }
      }
    }
    return read;
  }

  private static final String INVITATIONS =
      "SELECT id, token_hash, campaign_id, department_id, expires_at, used"
          + " FROM invitation WHERE token_hash = ANY(?)";

  /** The campaigns' row versions and their scopes' current names, by campaign (a WHERE follows). */
  private static final String CAMPAIGNS =
      "SELECT c.id, c.version, d.id, d.name FROM campaign c"
          + " LEFT JOIN campaign_department cd ON cd.campaign_id = c.id"
          + " LEFT JOIN department d ON d.id = cd.department_id";

  /**
   * PostgreSQL: {@link #INVITATIONS} and {@link #CAMPAIGNS} of the employees' campaigns and the
   * links' campaigns, two statements sent together (the driver sends them in one message and one
   * sync); parameters: the token hashes, the employees' campaign ids, the token hashes again.
   */
  private static final String READ_IN_ONE_ROUND_TRIP =
      INVITATIONS
          + "; "
          + CAMPAIGNS
          + " WHERE c.id IN (SELECT UNNEST(?::bigint[])"
          + " UNION SELECT campaign_id FROM invitation WHERE token_hash = ANY(?))";

  private static void invitationRows(ResultSet rs, Snapshot read) throws SQLException {
    while (rs.next()) {
      long dept = rs.getLong(4);
      Long department = rs.wasNull() ? null : dept;
      read.invitations()
          .put(
              rs.getString(2),
              new InvitationRow(
                  rs.getLong(1),
                  rs.getLong(3),
                  department,
                  rs.getObject(5, LocalDateTime.class),
                  rs.getBoolean(6)));
    }
  }

  private static void campaignRows(ResultSet rs, Snapshot read) throws SQLException {
    while (rs.next()) {
      long campaign = rs.getLong(1);
      read.versions().put(campaign, rs.getInt(2));
      Map<Long, String> scope = read.scopes().computeIfAbsent(campaign, c -> new HashMap<>());
      long department = rs.getLong(3);
      if (!rs.wasNull()) {
        scope.put(department, rs.getString(4));
      }
    }
  }

  /**
   * The form of every campaign that {@code read} found, as its row and its departments' names were
   * read: the cached snapshot when it is still current, else one read now.
   */
  private Map<Long, CampaignForm> currentForms(Snapshot read, Map<Long, CampaignForm> cache) {
    Map<Long, CampaignForm> current = new HashMap<>();
    for (Map.Entry<Long, Integer> v : read.versions().entrySet()) {
      long id = v.getKey();
      Map<Long, String> scope = read.scopes().getOrDefault(id, Map.of());
      CampaignForm form = cache.get(id);
      if (form == null || !form.isCurrent(v.getValue(), scope)) {
        Campaign campaign = em.find(Campaign.class, id);
        form = campaign == null ? null : CampaignForm.of(campaign, aggregates.layout(campaign));
        if (form == null || !form.isCurrent(v.getValue(), scope)) {
          // changed between the two reads: leave its submissions to the one-transaction path
          cache.remove(id);
          continue;
        }
        cache.put(id, form);
      }
      current.put(id, form);
    }
    return current;
  }

  /**
   * The accepted employees who have a participation row already (a retry or a second answer): one
   * look-up of the table's key (campaign, subject HMAC) per employee.
   */
  private static List<Accepted> participatedAlready(Connection con, List<Accepted> accepted)
      throws SQLException {
    List<Long> campaigns = new ArrayList<>();
    List<String> hmacs = new ArrayList<>();
    for (Accepted a : accepted) {
      if (a.participationHmac() != null) {
        campaigns.add(a.form().campaignId());
        hmacs.add(a.participationHmac());
      }
    }
    List<Accepted> earlier = new ArrayList<>();
    if (hmacs.isEmpty()) {
      return earlier;
    }
    Set<String> found = new HashSet<>();
    try (PreparedStatement ps =
        con.prepareStatement(
            "SELECT p.campaign_id, p.subject_hmac FROM participation p"
                + " JOIN UNNEST(?, ?) AS u(campaign_id, subject_hmac)"
                + " ON p.campaign_id = u.campaign_id AND p.subject_hmac = u.subject_hmac")) {
      ps.setArray(1, con.createArrayOf("bigint", campaigns.toArray(new Long[0])));
      ps.setArray(2, con.createArrayOf("varchar", hmacs.toArray(new String[0])));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getLong(1) + ":" + rs.getString(2));
        }
      }
    }
    for (Accepted a : accepted) {
      if (a.participationHmac() != null
          && found.contains(a.form().campaignId() + ":" + a.participationHmac())) {
        earlier.add(a);
      }
    }
    return earlier;
  }

  private static void insertParticipations(Connection con, List<Accepted> accepted)
      throws SQLException {
    try (PreparedStatement ps =
        con.prepareStatement(
            "INSERT INTO participation (campaign_id, subject_hmac, idempotency_hash)"
                + " VALUES (?, ?, ?)")) {
      int n = 0;
      for (Accepted a : accepted) {
        if (a.participationHmac() != null) {
          ps.setLong(1, a.form().campaignId());
          ps.setString(2, a.participationHmac());
          ps.setString(3, a.submission().idempotencyHash);
          ps.addBatch();
          n++;
        }
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
  }

  /**
   * Marks the accepted links used, in one statement for the whole batch; refuses the batch unless
   * each of them was unused until now.
   */
  private static void useInvitations(Connection con, List<Accepted> accepted) throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Accepted a : accepted) {
      if (a.invitationId() != null) {
        ids.add(a.invitationId());
        keys.add(a.submission().idempotencyHash);
      }
    }
    markLinksUsed(con, ids, keys);
  }

  /**
   * Marks the invitations {@code ids} used, each with its submission's idempotency hash ({@code
   * keys}, same order), in one {@code UPDATE} whose text does not depend on their number.
   *
   * @throws BatchRefused unless every one of them was still unused (one was used meanwhile, by a
   *     retry stored alone): the caller rolls the batch back, and every submission of it goes the
   *     one-transaction way, which answers that one as used
   */
  static void markLinksUsed(Connection con, List<Long> ids, List<String> keys) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Long[] idArray = ids.toArray(new Long[0]);
    try (PreparedStatement ps =
        con.prepareStatement(
            "UPDATE invitation SET used = TRUE, idempotency_hash ="
                + " (SELECT u.k FROM UNNEST(?, ?) AS u(id, k) WHERE u.id = invitation.id),"
                + " version = version + 1 WHERE used = FALSE AND id = ANY(?)")) {
      ps.setArray(1, con.createArrayOf("bigint", idArray));
      ps.setArray(2, con.createArrayOf("varchar", keys.toArray(new String[0])));
      ps.setArray(3, con.createArrayOf("bigint", idArray));
      int count = ps.executeUpdate();
      if (count != ids.size()) {
        throw new BatchRefused(
            (ids.size() - count) + " invitation(s) of the batch were used meanwhile", null);
      }
    }
  }

  /**
   * PostgreSQL: everything the accepted submissions write, in ONE statement of data-modifying
   * common table expressions, each reading its rows from arrays: the links marked used (each with
   * its submission's idempotency hash, only while unused), the employees' participations, the
   * responses (ids drawn from their sequence in the statement, so that answers and outbox rows can
   * name them), their answers and their outbox rows. Five statements were five round trips, each a
   * wait for the database and then for a core under load; the writer and its database backend are
   * the path every request of the batch waits on. The foreign keys of the answers are checked at
   * the end of the statement, when the responses are in.
   *
   * <p>The statement runs in autocommit, its own transaction, so that no COMMIT round trip follows
   * it. It therefore checks its own counts before it ends: when fewer rows were written than given
   * (a link used meanwhile) it calls {@code cxalign_refuse_batch} (migration V7, PostgreSQL only),
   * whose error rolls the whole statement back.
   *
   * @throws BatchRefused unless every row was written (a link used meanwhile): nothing of the batch
   *     is stored
   */
  private static void writeInOneStatement(Connection con, List<Accepted> accepted, LocalDate today)
      throws SQLException {
    List<Long> linkIds = new ArrayList<>();
    List<String> linkKeys = new ArrayList<>();
    List<Long> partCampaigns = new ArrayList<>();
    List<String> partHmacs = new ArrayList<>();
    List<String> partKeys = new ArrayList<>();
    for (Accepted a : accepted) {
      PendingSubmission p = a.submission();
      if (a.invitationId() != null) {
        linkIds.add(a.invitationId());
        linkKeys.add(p.idempotencyHash);
      }
      if (a.participationHmac() != null) {
        partCampaigns.add(a.form().campaignId());
        partHmacs.add(a.participationHmac());
        partKeys.add(p.idempotencyHash);
      }
    }
    int n = accepted.size();
    // an answer names its response by the response's ordinal in the statement
    Columns c = Columns.of(accepted, i -> i + 1L);
    List<Array> arrays = new ArrayList<>();
    try (PreparedStatement ps = con.prepareStatement(ONE_STATEMENT)) {
      int k = 1;
      ps.setInt(k++, n);
      k = bind(ps, k, arrays, con.createArrayOf("bigint", linkIds.toArray(new Long[0])));
      k = bind(ps, k, arrays, con.createArrayOf("varchar", linkKeys.toArray(new String[0])));
      k = bind(ps, k, arrays, con.createArrayOf("bigint", partCampaigns.toArray(new Long[0])));
      k = bind(ps, k, arrays, con.createArrayOf("varchar", partHmacs.toArray(new String[0])));
      k = bind(ps, k, arrays, con.createArrayOf("varchar", partKeys.toArray(new String[0])));
      k = bind(ps, k, arrays, con.createArrayOf("bigint", c.campaign()));
      k = bind(ps, k, arrays, con.createArrayOf("varchar", c.audience()));
      k = bind(ps, k, arrays, con.createArrayOf("bigint", c.department()));
      k = bind(ps, k, arrays, con.createArrayOf("varchar", c.comment()));
      k = bind(ps, k, arrays, con.createArrayOf("integer", c.population()));
      k = bind(ps, k, arrays, con.createArrayOf("varchar", c.payload()));
      ps.setObject(k++, today);
      k = bind(ps, k, arrays, con.createArrayOf("bigint", c.answerOf()));
      k = bind(ps, k, arrays, con.createArrayOf("varchar", c.answerItem()));
      k = bind(ps, k, arrays, con.createArrayOf("integer", c.answerValue()));
      ps.setLong(k++, linkIds.size());
      ps.setLong(k++, partHmacs.size());
      ps.setLong(k++, n);
      ps.setLong(k++, c.answerOf().length);
      ps.setLong(k, n);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new BatchRefused("the batch's statement returned no row", null);
        }
      }
    } catch (SQLException e) {
      if (REFUSED.equals(e.getSQLState())) {
        throw new BatchRefused(e.getMessage(), e);
      }
      throw e;
    } finally {
      for (Array a : arrays) {
        a.free();
      }
    }
  }

  /** The SQLState of {@code cxalign_refuse_batch}'s error (raise_exception). */
  static final String REFUSED = "P0001";

  private static int bind(PreparedStatement ps, int k, List<Array> arrays, Array a)
      throws SQLException {
    arrays.add(a);
    ps.setArray(k, a);
    return k + 1;
  }

  /**
   * {@link #writeInOneStatement}'s statement. Its last five parameters are the counts it must write
   * (links used, participations, responses, answers, outbox rows); it refuses the batch, rolling
   * everything back, unless it wrote exactly those.
   */
  static final String ONE_STATEMENT =
      "WITH ids AS MATERIALIZED ("
          + " SELECT n, nextval(pg_get_serial_sequence('survey_response', 'id')) AS id"
          + " FROM generate_series(1, ?) AS n),"
          + " links AS (UPDATE invitation i SET used = TRUE, idempotency_hash = u.k,"
          + " version = i.version + 1 FROM UNNEST(?::bigint[], ?::varchar[]) AS u(id, k)"
          + " WHERE i.id = u.id AND i.used = FALSE RETURNING 1),"
          + " parts AS (INSERT INTO participation (campaign_id, subject_hmac, idempotency_hash)"
          + " SELECT * FROM UNNEST(?::bigint[], ?::varchar[], ?::varchar[]) RETURNING 1),"
          + " src AS MATERIALIZED (SELECT ids.id, u.c, u.a, u.dep, u.t, u.p, u.ans"
          + " FROM UNNEST(?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::integer[],"
          + " ?::varchar[]) WITH ORDINALITY AS u(c, a, dep, t, p, ans, n)"
          + " JOIN ids ON ids.n = u.n),"
          + " responses AS (INSERT INTO survey_response (id, campaign_id, audience,"
          + " department_id, submitted_on, comment_text)"
          + " SELECT id, c, a, dep, ?::date, t FROM src RETURNING 1),"
          + " answers AS (INSERT INTO response_answer (response_id, item_id, answer_value)"
          + " SELECT ids.id, u.item, u.v FROM UNNEST(?::bigint[], ?::varchar[], ?::integer[])"
          + " AS u(n, item, v) JOIN ids ON ids.n = u.n RETURNING 1),"
          + " outbox AS (INSERT INTO aggregate_outbox (campaign_id, response_id, population,"
          + " department_id, answers, applied) SELECT c, id, p, dep, ans, FALSE FROM src"
          + " RETURNING 1),"
          + " want AS (SELECT ?::bigint AS l, ?::bigint AS p, ?::bigint AS r, ?::bigint AS a,"
          + " ?::bigint AS o),"
          + " got AS (SELECT (SELECT COUNT(*) FROM links) AS l, (SELECT COUNT(*) FROM parts) AS p,"
          + " (SELECT COUNT(*) FROM responses) AS r, (SELECT COUNT(*) FROM answers) AS a,"
          + " (SELECT COUNT(*) FROM outbox) AS o)"
          + " SELECT CASE WHEN (got.l, got.p, got.r, got.a, got.o)"
          + " = (want.l, want.p, want.r, want.a, want.o) THEN got.r"
          + " ELSE cxalign_refuse_batch(format('written: %s of %s links used, %s of %s"
          + " participations, %s of %s responses, %s of %s answers, %s of %s outbox rows'"
          + " || ' (a link used meanwhile?)', got.l, want.l, got.p, want.p, got.r, want.r,"
          + " got.a, want.a, got.o, want.o)) END FROM got, want";

  /** Inserts the responses; their generated ids in the order of {@code accepted}. */
  private static long[] insertResponses(Connection con, List<Accepted> accepted, LocalDate today)
      throws SQLException {
    long[] ids = new long[accepted.size()];
    try (PreparedStatement ps =
        con.prepareStatement(
            "INSERT INTO survey_response (campaign_id, audience, department_id, submitted_on,"
                + " comment_text) VALUES (?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      for (Accepted a : accepted) {
        ps.setLong(1, a.form().campaignId());
        ps.setString(2, a.submission().audience.name());
        if (a.departmentId() == null) {
          ps.setNull(3, Types.BIGINT);
        } else {
          ps.setLong(3, a.departmentId());
        }
        ps.setObject(4, today);
        String comment = a.submission().comment;
        ps.setString(5, comment == null || comment.isBlank() ? null : comment);
        ps.addBatch();
      }
      ps.executeBatch();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        int i = 0;
        while (keys.next()) {
          if (i < ids.length) {
            ids[i] = keys.getLong(1);
          }
          i++;
        }
        if (i != ids.length) {
          throw new BatchRefused(
              "the database returned " + i + " ids for " + ids.length + " responses", null);
        }
      }
    }
    return ids;
  }

  /**
   * Inserts the answers and the outbox rows of the accepted submissions, each table in ONE
   * statement that reads its rows from arrays ({@code INSERT ... SELECT * FROM UNNEST(?, ...)}):
   * PostgreSQL parses, plans and executes that once per batch, where a JDBC batch of one-row
   * inserts costs a bind and an execution per row (the answers are several rows per submission).
   */
  private static void insertAnswersAndOutbox(Connection con, List<Accepted> accepted, long[] ids)
      throws SQLException {
    Columns c = Columns.of(accepted, i -> ids[i]);
    if (c.answerOf().length > 0) {
      insertRows(
          con,
          "INSERT INTO response_answer (response_id, item_id, answer_value)",
          c.answerOf().length,
          con.createArrayOf("bigint", c.answerOf()),
          con.createArrayOf("varchar", c.answerItem()),
          con.createArrayOf("integer", c.answerValue()));
    }
    Long[] responseIds = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      responseIds[i] = ids[i];
    }
    insertRows(
        con,
        "INSERT INTO aggregate_outbox (campaign_id, response_id, population, department_id,"
            + " answers, applied)",
        ids.length,
        con.createArrayOf("bigint", c.campaign()),
        con.createArrayOf("bigint", responseIds),
        con.createArrayOf("integer", c.population()),
        con.createArrayOf("bigint", c.department()),
        con.createArrayOf("varchar", c.payload()),
        null);
  }

  /**
   * The accepted submissions' rows column by column: per response its campaign, audience,
   * department, comment, population and outbox payload; per answer the key of its response (from
   * {@code responseKey}: the id, or the ordinal in the statement), its item and its value.
   */
  private record Columns(
      Long[] campaign,
      String[] audience,
      Long[] department,
      String[] comment,
      Integer[] population,
      String[] payload,
      Long[] answerOf,
      String[] answerItem,
      Integer[] answerValue) {

    static Columns of(List<Accepted> accepted, java.util.function.IntToLongFunction responseKey) {
      int n = accepted.size();
      int rows = 0;
      for (Accepted a : accepted) {
        rows += a.values().size();
      }
      Columns c =
          new Columns(
              new Long[n],
              new String[n],
              new Long[n],
              new String[n],
              new Integer[n],
              new String[n],
              new Long[rows],
              new String[rows],
              new Integer[rows]);
      int r = 0;
      for (int i = 0; i < n; i++) {
        Accepted a = accepted.get(i);
        PendingSubmission p = a.submission();
        c.campaign[i] = a.form().campaignId();
        c.audience[i] = p.audience.name();
        c.department[i] = a.departmentId();
        c.comment[i] = p.comment == null || p.comment.isBlank() ? null : p.comment;
        c.population[i] = CampaignLayout.population(p.audience);
        c.payload[i] = a.form().layout().outboxPayload(a.values());
        long key = responseKey.applyAsLong(i);
        for (Map.Entry<String, Integer> e : a.values().entrySet()) {
          c.answerOf[r] = key;
          c.answerItem[r] = e.getKey();
          c.answerValue[r] = e.getValue();
          r++;
        }
      }
      return c;
    }
  }

  /**
   * {@code insert} (the statement up to its column list) of the rows held column by column in
   * {@code columns}, one array each; a null column is FALSE in every row (the outbox's {@code
   * applied}).
   *
   * @throws BatchRefused unless the database reports {@code rows} rows inserted
   */
  static void insertRows(Connection con, String insert, int rows, Array... columns)
      throws SQLException {
    StringBuilder sql = new StringBuilder(insert).append(" SELECT ");
    List<Array> bound = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      sql.append(i == 0 ? "" : ", ");
      if (columns[i] == null) {
        sql.append("FALSE");
      } else {
        bound.add(columns[i]);
        sql.append("u.c").append(bound.size());
      }
    }
    sql.append(" FROM UNNEST(").append(placeholders(bound.size())).append(") AS u(");
    for (int i = 1; i <= bound.size(); i++) {
      sql.append(i == 1 ? "" : ", ").append('c').append(i);
    }
    sql.append(')');
    try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
      for (int i = 0; i < bound.size(); i++) {
        ps.setArray(i + 1, bound.get(i));
      }
      int count = ps.executeUpdate();
      if (count != rows) {
        throw new BatchRefused(
            "the database inserted " + count + " of " + rows + " rows: " + insert, null);
      }
    } finally {
      for (Array a : bound) {
        a.free();
      }
    }
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
