package org.cxalign.survey.instrument;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.InstrumentJson;
import org.cxalign.analytics.instrument.Instruments;

/** Stored instruments: the built-in one, copies (drafts) and their edits. */
@Stateless
public class InstrumentService {

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  public List<StoredInstrument> list() {
    return em.createNamedQuery("StoredInstrument.all", StoredInstrument.class).getResultList();
  }

  public Optional<StoredInstrument> find(long id) {
    return Optional.ofNullable(em.find(StoredInstrument.class, id));
  }

  /** Stores the built-in instrument's version unless it is there already; returns the row. */
  public StoredInstrument ensureBuiltIn() {
    Instrument builtIn = Instruments.builtIn();
    Optional<StoredInstrument> existing =
        em.createNamedQuery("StoredInstrument.builtIn", StoredInstrument.class)
            .setParameter("k", builtIn.id())
            .getResultStream()
            .filter(i -> i.getInstrumentVersion() == builtIn.version())
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    StoredInstrument row = new StoredInstrument(builtIn, InstrumentStatus.PUBLISHED, true, today());
    em.persist(row);
    return row;
  }

  /** Copies an instrument into a new draft version of the same key (highest version + 1). */
  public Optional<StoredInstrument> copy(long id) {
    return find(id)
        .map(
            source -> {
              Integer max =
                  em.createNamedQuery("StoredInstrument.maxVersion", Integer.class)
                      .setParameter("k", source.getKey())
                      .getSingleResult();
              Instrument i = source.instrument();
              Instrument next =
                  new Instrument(
                      i.id(),
                      (max == null ? 0 : max) + 1,
                      i.title(),
                      i.scale(),
                      i.items(),
                      i.dimensions());
              StoredInstrument draft =
                  new StoredInstrument(next, InstrumentStatus.DRAFT, false, today());
              em.persist(draft);
              em.flush();
              return draft;
            });
  }

  /**
   * Replaces a draft's definition with {@code json}.
   *
   * @throws InvalidInstrumentException if the JSON is not a valid instrument
   * @throws InstrumentLockedException if the instrument is published
   */
  public Optional<StoredInstrument> update(long id, String json) {
    Optional<StoredInstrument> found = find(id);
    if (found.isEmpty()) {
      return found;
    }
    StoredInstrument row = found.get();
    if (row.getStatus() != InstrumentStatus.DRAFT) {
      throw new InstrumentLockedException(id);
    }
    Instrument parsed;
    try {
      parsed = InstrumentJson.read(json);
    } catch (IllegalArgumentException e) {
      throw new InvalidInstrumentException(e.getMessage());
    }
    row.redefine(parsed);
    em.flush();
    return found;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
