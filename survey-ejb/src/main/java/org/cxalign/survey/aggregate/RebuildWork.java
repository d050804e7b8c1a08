package org.cxalign.survey.aggregate;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;

/**
 * The accumulators of running rebuilds on this node, by job execution (a rebuild runs on the node
 * that started it; a restart of the node loses it, and the next drain clears its mark).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RebuildWork {

  /** One rebuild's state. */
  public static final class Work {
    final AlignmentAccumulator accumulator;
    long unplaced;

    Work(AlignmentAccumulator accumulator) {
      this.accumulator = accumulator;
    }
  }

  private final Map<Long, Work> works = new ConcurrentHashMap<>();

  public void begin(long execution, AlignmentAccumulator empty) {
    works.put(execution, new Work(empty));
  }

  public void add(long execution, List<Object> vectors) {
    Work w = require(execution);
    synchronized (w) {
      for (Object o : vectors) {
        ((ResponseVector) o).addTo(w.accumulator);
      }
    }
  }

  public void unplaced(long execution, long n) {
    Work w = require(execution);
    synchronized (w) {
      w.unplaced += n;
    }
  }

  /** The unplaced answers of a rebuild still in memory, or -1. */
  public long unplaced(long execution) {
    Work w = works.get(execution);
    if (w == null) {
      return -1;
    }
    synchronized (w) {
      return w.unplaced;
    }
  }

  public Work get(long execution) {
    return require(execution);
  }

  public void end(long execution) {
    works.remove(execution);
  }

  private Work require(long execution) {
    Work w = works.get(execution);
    if (w == null) {
      throw new IllegalStateException("rebuild " + execution + " has no state on this node");
    }
    return w;
  }
}
