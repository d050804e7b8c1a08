package org.cxalign.survey.aggregate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cxalign.survey.campaign.Audience;

/**
 * Reads stored responses of a campaign (in id order, a page at a time) as accumulator vectors.
 * Responses that still have an outbox row are left out when asked: a rebuild counts those from the
 * outbox instead.
 */
final class RawResponses {

  /** What one page read: the responses, the last id seen, answers that could not be placed. */
  record Page(List<ResponseVector> responses, long lastId, long unplaced) {}

  private RawResponses() {}

  /**
   * Reads up to {@code limit} responses with id greater than {@code afterId}.
   *
   * @param skipOutboxed leave out responses that have a row in {@code aggregate_outbox}
   */
  static Page readPage(
      Connection con, CampaignLayout layout, long afterId, int limit, boolean skipOutboxed)
      throws SQLException {
    String sql =
        "SELECT r.id, r.audience, r.department_id FROM survey_response r"
            + " WHERE r.campaign_id = ? AND r.id > ?"
            + (skipOutboxed
                ? " AND NOT EXISTS (SELECT 1 FROM aggregate_outbox o WHERE o.response_id = r.id)"
                : "")
            + " ORDER BY r.id FETCH FIRST "
            + limit
            + " ROWS ONLY";
    List<long[]> heads = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps = con.prepareStatement(sql)) {
      ps.setLong(1, layout.campaignId());
      ps.setLong(2, afterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          int population = CampaignLayout.population(Audience.valueOf(rs.getString(2)));
          long dept = rs.getLong(3);
          keys.add(CampaignLayout.departmentKey(rs.wasNull() ? null : dept));
          heads.add(new long[] {id, population});
        }
      }
    }
    if (heads.isEmpty()) {
      return new Page(List.of(), afterId, 0);
    }
    long first = heads.get(0)[0];
    long last = heads.get(heads.size() - 1)[0];
    int[][] answers = new int[heads.size()][];
    int[][] collab = new int[heads.size()][];
    for (int k = 0; k < answers.length; k++) {
      answers[k] = layout.emptyAnswers();
      collab[k] = layout.emptyCollab();
    }
    long unplaced = 0;
    try (PreparedStatement ps =
        con.prepareStatement(
            "SELECT a.response_id, a.item_id, a.answer_value FROM response_answer a"
                + " WHERE a.response_id BETWEEN ? AND ? ORDER BY a.response_id")) {
      ps.setLong(1, first);
      ps.setLong(2, last);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        int k = 0;
        while (rs.next()) {
          long rid = rs.getLong(1);
          while (k < heads.size() && heads.get(k)[0] < rid) {
            k++;
          }
          if (k == heads.size()) {
            break;
          }
          if (heads.get(k)[0] != rid) {
            continue; // another campaign's response, or one with an outbox row
          }
          if (!layout.put(rs.getString(2), rs.getInt(3), answers[k], collab[k])) {
            unplaced++;
          }
        }
      }
    }
    List<ResponseVector> out = new ArrayList<>(heads.size());
    for (int k = 0; k < heads.size(); k++) {
      out.add(new ResponseVector((int) heads.get(k)[1], keys.get(k), answers[k], collab[k]));
    }
    return new Page(out, last, unplaced);
  }
}
