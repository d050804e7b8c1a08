package org.cxalign.survey.aggregate;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.department.Department;

/**
 * This node's cache: the layout of each campaign (rebuilt when a department name changes) and the
 * decoded accumulator of the latest version seen. A cached accumulator is never changed after it is
 * put (drains work on copies), so readers may copy it concurrently. Nothing here is the source of
 * truth: a version mismatch reloads from the database.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AggregateCache {

  /** A decoded state. */
  record Decoded(long version, AlignmentAccumulator accumulator) {}

  private final Map<Long, CampaignLayout> layouts = new ConcurrentHashMap<>();
  private final Map<Long, Derived> derived = new ConcurrentHashMap<>();

  /** Results computed from one version of a campaign's state, by key. */
  private record Derived(long version, Map<String, Object> values) {}

  private final Map<Long, Decoded> states = new ConcurrentHashMap<>();

  /** The layout of a campaign with its departments' current names. */
  public CampaignLayout layout(Campaign campaign) {
    CampaignLayout cached = layouts.get(campaign.getId());
    if (cached != null && sameDepartments(cached.departments(), campaign)) {
      return cached;
    }
    CampaignLayout fresh = CampaignLayout.of(campaign);
    layouts.put(campaign.getId(), fresh);
    return fresh;
  }

  /**
   * The cached layout of a campaign if its departments (id → current name, in id order) are still
   * {@code scope}; null otherwise (then load the campaign and call {@link #layout(Campaign)}).
   */
  public CampaignLayout layoutIfCurrent(long campaignId, List<Object[]> scope) {
    CampaignLayout cached = layouts.get(campaignId);
    if (cached == null || cached.departments().size() != scope.size()) {
      return null;
    }
    for (int i = 0; i < scope.size(); i++) {
      DepartmentKey k = cached.departments().get(i);
      if (k.id() != ((Number) scope.get(i)[0]).longValue() || !k.name().equals(scope.get(i)[1])) {
        return null;
      }
    }
    return cached;
  }

  private static boolean sameDepartments(List<DepartmentKey> keys, Campaign campaign) {
    List<Department> scope =
        campaign.getDepartments().stream().sorted(Comparator.comparing(Department::getId)).toList();
    if (scope.size() != keys.size()) {
      return false;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).id() != scope.get(i).getId()
          || !keys.get(i).name().equals(scope.get(i).getName())) {
        return false;
      }
    }
    return true;
  }

  /** The decoded state of a campaign at {@code version}, or null when not cached. */
  public AlignmentAccumulator state(long campaignId, long version) {
    Decoded d = states.get(campaignId);
    return d != null && d.version() == version ? d.accumulator() : null;
  }

  /** Caches a committed state (the caller must not change {@code acc} afterwards). */
  public void put(long campaignId, long version, AlignmentAccumulator acc) {
    states.merge(
        campaignId,
        new Decoded(version, acc),
        (old, neu) -> old.version() > neu.version() ? old : neu);
  }

  public void forget(long campaignId) {
    states.remove(campaignId);
  }

  /**
   * A result derived from the state at {@code version}, computed once per version and key on this
   * node (results of older versions are dropped when a newer one is asked for).
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(
      long campaignId, long version, String key, java.util.function.Supplier<T> compute) {
    Derived d =
        derived.compute(
            campaignId,
            (id, old) ->
                old != null && old.version() >= version
                    ? old
                    : new Derived(version, new ConcurrentHashMap<>()));
    if (d.version() != version) {
      return compute.get(); // an older version asked for after a newer one: not cached
    }
    return (T) d.values().computeIfAbsent(key, k -> compute.get());
  }
}
