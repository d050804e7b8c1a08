package org.cxalign.survey.instrument;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.InstrumentJson;

/**
 * One version of an instrument as stored: its JSON definition ({@link InstrumentJson}) with the
 * key, version and status alongside. A {@link InstrumentStatus#PUBLISHED} version never changes.
 */
@Entity
@Table(name = "instrument")
@NamedQuery(
    name = "StoredInstrument.all",
    query = "SELECT i FROM StoredInstrument i ORDER BY i.instrumentKey, i.instrumentVersion")
@NamedQuery(
    name = "StoredInstrument.maxVersion",
    query = "SELECT MAX(i.instrumentVersion) FROM StoredInstrument i WHERE i.instrumentKey = :k")
@NamedQuery(
    name = "StoredInstrument.builtIn",
    query = "SELECT i FROM StoredInstrument i WHERE i.builtIn = true AND i.instrumentKey = :k")
public class StoredInstrument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "instrument_key", nullable = false, length = 100)
  private String instrumentKey;

  @Column(name = "instrument_version", nullable = false)
  private int instrumentVersion;

  @Column(nullable = false, length = 200)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private InstrumentStatus status;

  @Column(name = "built_in", nullable = false)
  private boolean builtIn;

  @Column(nullable = false, length = 1_000_000)
  private String definition;

  @Column(name = "created_on", nullable = false)
  private LocalDate createdOn;

  @Version private int version;

  @Transient private Instrument parsed;

  protected StoredInstrument() {}

  public StoredInstrument(
      Instrument instrument, InstrumentStatus status, boolean builtIn, LocalDate createdOn) {
    this.status = Objects.requireNonNull(status);
    this.builtIn = builtIn;
    this.createdOn = Objects.requireNonNull(createdOn);
    define(instrument);
  }

  private void define(Instrument instrument) {
    this.instrumentKey = instrument.id();
    this.instrumentVersion = instrument.version();
    this.title = instrument.title();
    this.definition = InstrumentJson.write(instrument);
    this.parsed = instrument;
  }

  /**
   * Replaces the definition of a draft.
   *
   * @throws InstrumentLockedException if this version is published
   * @throws InvalidInstrumentException if the new definition changes the id or version
   */
  public void redefine(Instrument instrument) {
    if (status != InstrumentStatus.DRAFT) {
      throw new InstrumentLockedException(id);
    }
    if (!instrument.id().equals(instrumentKey) || instrument.version() != instrumentVersion) {
      throw new InvalidInstrumentException(
          "id and version must stay "
              + instrumentKey
              + " version "
              + instrumentVersion
              + ", got "
              + instrument.id()
              + " version "
              + instrument.version());
    }
    define(instrument);
  }

  /** Freezes this version (a campaign uses it). */
  public void publish() {
    status = InstrumentStatus.PUBLISHED;
  }

  /**
   * Parsed definitions by instrument id, with the text they were parsed from: every request that
   * loads a campaign gets a new entity instance, and parsing the built-in definition costs more
   * than the rest of storing a response. An entry is used only when its text equals the loaded
   * definition (a redefined draft is parsed again); {@link Instrument} is immutable.
   */
  private static final Map<Long, Parsed> PARSED = new ConcurrentHashMap<>();

  private record Parsed(String definition, Instrument instrument) {}

  /** The parsed instrument. */
  public Instrument instrument() {
    if (parsed == null) {
      Parsed cached = id == null ? null : PARSED.get(id);
      if (cached != null && cached.definition().equals(definition)) {
        parsed = cached.instrument();
      } else {
        parsed = InstrumentJson.read(definition);
        if (id != null) {
          PARSED.put(id, new Parsed(definition, parsed));
        }
      }
    }
    return parsed;
  }

  public Long getId() {
    return id;
  }

  public String getKey() {
    return instrumentKey;
  }

  public int getInstrumentVersion() {
    return instrumentVersion;
  }

  public String getTitle() {
    return title;
  }

  public InstrumentStatus getStatus() {
    return status;
  }

  public boolean isBuiltIn() {
    return builtIn;
  }

  public String getDefinition() {
    return definition;
  }

  public LocalDate getCreatedOn() {
    return createdOn;
  }
}
