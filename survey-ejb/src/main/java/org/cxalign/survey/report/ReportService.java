package org.cxalign.survey.report;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.report.InstrumentReportBuilder;
import org.cxalign.survey.aggregate.CampaignAggregate;
import org.cxalign.survey.aggregate.CampaignAggregates;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.CampaignStatus;
import org.cxalign.survey.campaign.Transparency;
import org.cxalign.survey.department.Department;

/**
 * The report of a campaign for a viewer, from the campaign's live aggregate ({@link #snapshot});
 * the CSV export streams the stored responses (one chunk of rows in memory at a time). Access
 * rules:
 *
 * <ul>
 *   <li>a draft has no report ({@link ResultsNotPublishedException});
 *   <li>department heads read a campaign only once it is closed: while it is open, two reads around
 *       one new answer differ by exactly that answer (differencing in time), so heads get the final
 *       snapshot only. Administrators, who may export the raw (anonymised) responses anyway, read
 *       the live state;
 *   <li>a head asking for another department's page under {@link Transparency#OWN_DEPARTMENT_ONLY}
 *       gets {@link DepartmentNotVisibleException}.
 * </ul>
 *
 * Previous wave (trend): the latest closed campaign with the same instrument key whose opening day
 * is earlier than this campaign's (same day: the lower id).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ReportService {

  private static final Logger LOG = Logger.getLogger(ReportService.class.getName());
  private static final int EXPORT_CHUNK = 500;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @Resource(lookup = "java:jboss/datasources/CxAlignDS")
  DataSource dataSource;

  @EJB CampaignAggregates aggregates;

  /** The campaign, or empty. */
  public Optional<Campaign> campaign(long id) {
    return Optional.ofNullable(em.find(Campaign.class, id));
  }

  /**
   * The views of a campaign's report for a viewer.
   *
   * @return empty when there is no such campaign
   * @throws ResultsNotPublishedException for a draft, and for heads while the campaign is open
   */
  public Optional<ReportViews> views(long campaignId, Viewer viewer) {
    Optional<Campaign> c = campaign(campaignId);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    requirePublished(c.get(), viewer);
    return Optional.of(viewsOf(c.get(), viewer));
  }

  /**
   * The name of a department of the campaign that the viewer may open.
   *
   * @return empty when the department is not in the campaign
   * @throws DepartmentNotVisibleException when transparency hides it from the head
   */
  public Optional<String> visibleDepartment(long campaignId, long departmentId, Viewer viewer) {
    Campaign c = campaign(campaignId).orElseThrow();
    Optional<String> name =
        c.getDepartments().stream()
            .filter(d -> d.getId() == departmentId)
            .map(Department::getName)
            .findFirst();
    if (name.isPresent()
        && !viewer.admin()
        && c.getTransparency() == Transparency.OWN_DEPARTMENT_ONLY
        && !name.get().equals(viewer.department())) {
      throw new DepartmentNotVisibleException(
          "Campaign "
              + campaignId
              + " shows department heads only their own department ("
              + viewer.department()
              + "); "
              + name.get()
              + " is not visible to you");
    }
    return name;
  }

  /**
   * Whether the campaign exists; throws when the viewer may not read its results yet.
   *
   * @throws ResultsNotPublishedException for a draft, and for heads while the campaign is open
   */
  public boolean readable(long campaignId, Viewer viewer) {
    Optional<Campaign> c = campaign(campaignId);
    c.ifPresent(x -> requirePublished(x, viewer));
    return c.isPresent();
  }

  /** The trend document: this campaign against its previous wave (the campaign must exist). */
  public String trend(long campaignId, Viewer viewer) {
    Campaign c = campaign(campaignId).orElseThrow();
    requirePublished(c, viewer);
    ReportViews views = viewsOf(c, viewer);
    Optional<Campaign> previous = previousWave(c);
    if (previous.isEmpty()) {
      return views.trend(
          null,
          "no earlier closed campaign with the instrument '" + c.getInstrument().getKey() + "'");
    }
    return views.trend(snapshot(previous.get()), null);
  }

  /** Default number of comments per page of {@link #comments}. */
  public static final int COMMENT_PAGE = 100;

  /** Largest number of comments per page of {@link #comments}. */
  public static final int COMMENT_PAGE_MAX = 500;

  /**
   * One page of the comments document (the campaign must exist): the comments stored after the
   * cursor {@code after} (a response id, 0 for the first page), in id order, at most {@code limit}
   * of them, only from groups this viewer sees with at least k respondents (employee groups of the
   * anonymised partition, customers as one group); grouped and sorted alphabetically within the
   * page. One indexed query ({@code ix_survey_response_comment}) reading at most {@code limit + 1}
   * rows of the visible groups: the cost does not grow with the number of responses.
   */
  public String comments(long campaignId, Viewer viewer, long after, int limit) {
    if (after < 0 || limit < 1 || limit > COMMENT_PAGE_MAX) {
      throw new IllegalArgumentException("after >= 0 and 1 <= limit <= " + COMMENT_PAGE_MAX);
    }
    Campaign c = campaign(campaignId).orElseThrow();
    requirePublished(c, viewer);
    ReportViews views = viewsOf(c, viewer);
    AnonymisedCampaign ac = views.anonymised();
    Map<Long, String> visible = new HashMap<>(); // department id -> group label
    ac.campaign()
        .departments()
        .forEach(
            (name, id) -> {
              String label = ac.label(Population.EMPLOYEE, name);
              if (views.groupRule(label) == null) {
                visible.put(id, label);
              }
            });
    boolean customers = ac.report().customers() >= ac.campaign().k();
    Map<String, List<String>> employees = new HashMap<>();
    List<String> customerComments = new ArrayList<>();
    Long next = null;
    if (!visible.isEmpty() || customers) {
      List<String> who = new ArrayList<>();
      if (!visible.isEmpty()) {
        StringBuilder ids = new StringBuilder();
        for (Long id : visible.keySet()) {
          ids.append(ids.length() == 0 ? "" : ",").append(id.longValue());
        }
        who.add("(r.audience = 'EMPLOYEES' AND r.department_id IN (" + ids + "))");
      }
      if (customers) {
        who.add("r.audience = 'CUSTOMERS'");
      }
      String sql =
          "SELECT r.id, r.audience, r.department_id, r.comment_text FROM survey_response r"
              + " WHERE r.campaign_id = ? AND r.comment_text IS NOT NULL AND r.id > ? AND ("
              + String.join(" OR ", who)
              + ") ORDER BY r.id LIMIT "
              + (limit + 1);
      int[] read = {0};
      long[] last = {0};
      boolean[] more = {false};
      queryPage(
          sql,
          campaignId,
          after,
          rs -> {
            try {
              if (read[0] == limit) {
                more[0] = true;
                return;
              }
              read[0]++;
              last[0] = rs.getLong(1);
              if (Audience.valueOf(rs.getString(2)) == Audience.EMPLOYEES) {
                employees
                    .computeIfAbsent(visible.get(rs.getLong(3)), x -> new ArrayList<>())
                    .add(rs.getString(4));
              } else {
                customerComments.add(rs.getString(4));
              }
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      if (more[0]) {
        next = last[0];
      }
    }
    return views.comments(employees, customerComments, after, limit, next);
  }

  /** The whole report for the export (administrators). */
  public String reportExport(long campaignId) {
    Campaign c = campaign(campaignId).orElseThrow();
    requirePublished(c, Viewer.administrator());
    ReportViews v = new ReportViews(snapshot(c), Viewer.administrator());
    Optional<Campaign> previous = previousWave(c);
    return previous.isEmpty()
        ? v.all(
            null,
            "no earlier closed campaign with the instrument '" + c.getInstrument().getKey() + "'")
        : v.all(snapshot(previous.get()), null);
  }

  /** The codebook of the CSV export. */
  public String codebook(long campaignId) {
    Campaign c = campaign(campaignId).orElseThrow();
    return new ResponseCsvExport(snapshot(c)).codebook();
  }

  /**
   * Streams the anonymised responses as CSV: labels from one snapshot, then the responses in a
   * random order (their ids shuffled in memory, 8 bytes each; the rows read in chunks), each under
   * a fresh random respondent id.
   */
  public void exportCsv(long campaignId, Writer out) {
    Campaign c = campaign(campaignId).orElseThrow();
    AnonymisedCampaign ac = snapshot(c);
    Map<String, String> renamed = formerCollaborationItems(ac.campaign());
    ResponseCsvExport csv = new ResponseCsvExport(ac);
    csv.header(out);
    List<Long> idList = new ArrayList<>();
    query(
        "SELECT id FROM survey_response WHERE campaign_id = ?",
        campaignId,
        rs -> {
          try {
            idList.add(rs.getLong(1));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    long[] ids = idList.stream().mapToLong(Long::longValue).toArray();
    idList.clear();
    for (int i = ids.length - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      long t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    for (int from = 0; from < ids.length; from += EXPORT_CHUNK) {
      int to = Math.min(ids.length, from + EXPORT_CHUNK);
      StringBuilder in = new StringBuilder();
      for (int i = from; i < to; i++) {
        in.append(i == from ? "" : ",").append(ids[i]);
      }
      Map<Long, ResponseRow> rows = new HashMap<>();
      readRows("r.id IN (" + in + ")", null, renamed, (id, row) -> rows.put(id, row));
      for (int i = from; i < to; i++) {
        ResponseRow r = rows.get(ids[i]);
        if (r != null) {
          csv.row(out, r);
        }
      }
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Throws unless the viewer may read the campaign's results now. */
  void requirePublished(Campaign c, Viewer viewer) {
    if (c.getStatus() == CampaignStatus.DRAFT) {
      throw new ResultsNotPublishedException(
          "Campaign " + c.getId() + " is a draft: it has no results yet");
    }
    if (!viewer.admin() && c.getStatus() != CampaignStatus.CLOSED) {
      throw new ResultsNotPublishedException(
          "Results of campaign "
              + c.getId()
              + " are published to department heads when it closes (it is "
              + c.getStatus().name().toLowerCase(Locale.ROOT)
              + ")");
    }
  }

  Optional<Campaign> previousWave(Campaign c) {
    return em.createQuery(
            "SELECT p FROM Campaign p WHERE p.instrument.instrumentKey = :key AND p.status = :closed"
                + " AND p.id <> :id AND (p.opensOn < :opens OR (p.opensOn = :opens AND p.id < :id))"
                + " ORDER BY p.opensOn DESC, p.id DESC",
            Campaign.class)
        .setParameter("key", c.getInstrument().getKey())
        .setParameter("closed", CampaignStatus.CLOSED)
        .setParameter("id", c.getId())
        .setParameter("opens", c.getOpensOn())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * The anonymised report data of a campaign, from its live aggregate ({@link CampaignAggregates},
   * which counts every response committed before the call) regrouped into the anonymised partition
   * with the departments' current names: no response is read, so the cost does not grow with the
   * number of responses. Cached on this node per aggregate version and {@link #snapshotKey} (a
   * request for a cached version copies nothing and regroups nothing). Read from the responses
   * instead (streaming, twice) only while the aggregate may miss some (responses stored before
   * aggregates existed, until a rebuild) or does not fit the campaign (logged).
   */
  public AnonymisedCampaign snapshot(Campaign c) {
    CampaignInfo info = info(c);
    CampaignAggregate aggregate = aggregates.current(c.getId());
    return aggregates.derived(aggregate, snapshotKey(info), a -> anonymise(info, a));
  }

  /**
   * The views of the campaign's current snapshot for a viewer, cached with the snapshot (per
   * aggregate version, {@link #snapshotKey} and viewer), so that a section is written once per
   * version and viewer and a repeated request costs the version check only. A viewer is an
   * administrator or the head of one department: what a view shows depends on the snapshot, the
   * campaign's transparency and k (in the snapshot key) and the viewer's role and department.
   */
  ReportViews viewsOf(Campaign c, Viewer viewer) {
    CampaignInfo info = info(c);
    CampaignAggregate aggregate = aggregates.current(c.getId());
    String key = snapshotKey(info);
    AnonymisedCampaign ac = aggregates.derived(aggregate, key, a -> anonymise(info, a));
    String who = viewer.admin() ? "admin" : "head\u0000" + viewer.department();
    return aggregates.derived(
        aggregate, key + "\u0001views\u0001" + who, a -> new ReportViews(ac, viewer));
  }

  /**
   * What a snapshot depends on besides the aggregate version: the status (closing a campaign
   * changes no aggregate version, and the envelope must not keep "open" on a node that cached the
   * snapshot before the close), k, transparency and the departments (current names and ids: renames
   * change the labels).
   */
  static String snapshotKey(CampaignInfo info) {
    StringBuilder key =
        new StringBuilder("reports.anonymised:")
            .append(info.status())
            .append('\u0000')
            .append(info.k())
            .append('\u0000')
            .append(info.transparency().name());
    info.departments()
        .forEach((name, id) -> key.append('\u0000').append(name).append('=').append(id));
    return key.toString();
  }

  private AnonymisedCampaign anonymise(CampaignInfo info, CampaignAggregate a) {
    if (!aggregates.uncounted(a.campaignId())) {
      try {
        return AnonymisedCampaign.of(info, a);
      } catch (IllegalArgumentException e) {
        LOG.log(
            Level.WARNING,
            "campaign {0}: report read from the responses, the aggregate does not fit: {1}",
            new Object[] {a.campaignId(), e.getMessage()});
      }
    }
    Map<String, String> renamed = formerCollaborationItems(info);
    return AnonymisedCampaign.of(
        info,
        action ->
            readRows("r.campaign_id = ?", a.campaignId(), renamed, (id, r) -> action.accept(r)));
  }

  /**
   * Collaboration answers stored under a former name of one of the campaign's departments: item
   * ({@code collab.<former name>}) → the item under the department's current name. A stored answer
   * names the rated department as it was called then; the aggregate counted it under the
   * department's id, so the export (and a report read from the responses) must show it under the
   * current name too. Former names are those recorded while counting ({@link
   * CampaignAggregates#recordedNames}); a name that some department of the campaign has now stays
   * with that department (as a rebuild places it).
   */
  Map<String, String> formerCollaborationItems(CampaignInfo info) {
    if (info.instrument().collaborationTemplate().isEmpty()) {
      return Map.of();
    }
    String prefix = InstrumentReportBuilder.collabPrefix(info.instrument());
    Map<Long, String> current = new HashMap<>();
    info.departments().forEach((name, id) -> current.put(id, name));
    Map<String, String> items = new HashMap<>();
    aggregates
        .recordedNames(info.id())
        .forEach(
            (name, id) -> {
              String now = current.get(id);
              if (now != null && !info.departments().containsKey(name)) {
                items.put(prefix + name, prefix + now);
              }
            });
    return items;
  }

  static CampaignInfo info(Campaign c) {
    Map<String, Long> departments = new LinkedHashMap<>();
    c.getDepartments().stream()
        .sorted(java.util.Comparator.comparing(Department::getName))
        .forEach(d -> departments.put(d.getName(), d.getId()));
    return new CampaignInfo(
        c.getId(),
        c.getTitle(),
        c.getWave(),
        c.getStatus().name().toLowerCase(Locale.ROOT),
        c.getOpensOn(),
        c.getAnonymityThreshold(),
        c.getTransparency(),
        c.getInstrument().getKey(),
        c.getInstrument().instrument(),
        departments);
  }

  private interface RowAction {
    void accept(long id, ResponseRow row);
  }

  /**
   * Streams the responses matching {@code where} (one query, rows grouped by response id), answers
   * stored under an item of {@code renamed} (a former department name) under its current item.
   */
  private void readRows(
      String where, Long parameter, Map<String, String> renamed, RowAction action) {
    String sql =
        "SELECT r.id, r.audience, d.name, a.item_id, a.answer_value FROM survey_response r"
            + " LEFT JOIN department d ON d.id = r.department_id"
            + " LEFT JOIN response_answer a ON a.response_id = r.id"
            + " WHERE "
            + where
            + " ORDER BY r.id";
    long[] current = {-1};
    String[] audience = new String[1];
    String[] department = new String[1];
    Map<String, Integer> answers = new HashMap<>();
    query(
        sql,
        parameter,
        rs -> {
          try {
            long id = rs.getLong(1);
            if (id != current[0]) {
              if (current[0] >= 0) {
                action.accept(current[0], row(audience[0], department[0], answers));
              }
              current[0] = id;
              audience[0] = rs.getString(2);
              department[0] = rs.getString(3);
              answers.clear();
            }
            String item = rs.getString(4);
            if (item != null) {
              answers.put(renamed.getOrDefault(item, item), rs.getInt(5));
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    if (current[0] >= 0) {
      action.accept(current[0], row(audience[0], department[0], answers));
    }
  }

  private static ResponseRow row(String audience, String department, Map<String, Integer> answers) {
    Population p =
        Audience.valueOf(audience) == Audience.EMPLOYEES
            ? Population.EMPLOYEE
            : Population.CUSTOMER;
    return new ResponseRow(p, department, answers, null);
  }

  private void query(String sql, Long parameter, Consumer<ResultSet> each) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(sql)) {
      ps.setFetchSize(1000);
      if (parameter != null) {
        ps.setLong(1, parameter);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          each.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading responses failed: " + e.getMessage(), e);
    }
  }

  private void queryPage(String sql, long campaignId, long after, Consumer<ResultSet> each) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(sql)) {
      ps.setLong(1, campaignId);
      ps.setLong(2, after);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          each.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading comments failed: " + e.getMessage(), e);
    }
  }
}
