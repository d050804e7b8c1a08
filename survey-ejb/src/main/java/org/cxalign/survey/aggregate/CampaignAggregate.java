package org.cxalign.survey.aggregate;

import java.util.List;
import java.util.Optional;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.instrument.Instrument;

/**
 * An immutable snapshot of a campaign's aggregate.
 *
 * <p>The accumulator is shared by every snapshot of this version on this node (the cached decoded
 * state): read it (its read methods do not change it), never {@code add} or {@code merge} into it.
 * Its department keys are department ids as decimal strings ({@link DepartmentKey#keyOf}); the
 * collaboration targets of the layout are the same keys; {@link CampaignLayout#NO_DEPARTMENT} (the
 * empty string) holds customers without a department.
 *
 * @param campaignId the campaign
 * @param version grows whenever a response is counted (or a rebuild is swapped in)
 * @param instrument the campaign's instrument
 * @param layout the accumulator's layout
 * @param accumulator the counts (shared; read only)
 * @param departments the departments in scope, in id order, with their current names
 */
public record CampaignAggregate(
    long campaignId,
    long version,
    Instrument instrument,
    ResponseLayout layout,
    AlignmentAccumulator accumulator,
    List<DepartmentKey> departments) {

  public CampaignAggregate {
    departments = List.copyOf(departments);
  }

  /** The department of an accumulator key (empty for {@link CampaignLayout#NO_DEPARTMENT}). */
  public Optional<DepartmentKey> department(String key) {
    return departments.stream().filter(d -> d.key().equals(key)).findFirst();
  }

  /** The department with this id, if it is in scope. */
  public Optional<DepartmentKey> departmentById(long id) {
    return departments.stream().filter(d -> d.id() == id).findFirst();
  }

  /** The current name of an accumulator key; "" for customers without a department. */
  public String name(String key) {
    return department(key).map(DepartmentKey::name).orElse("");
  }
}
