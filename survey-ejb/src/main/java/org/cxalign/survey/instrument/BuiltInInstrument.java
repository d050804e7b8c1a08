package org.cxalign.survey.instrument;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/** Stores the built-in instrument on first start (and each new built-in version once). */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class BuiltInInstrument {

  private static final Logger LOG = Logger.getLogger(BuiltInInstrument.class.getName());

  @EJB InstrumentService instruments;

  @PostConstruct
  void store() {
    StoredInstrument row = instruments.ensureBuiltIn();
    LOG.info(
        () ->
            "Built-in instrument "
                + row.getKey()
                + " version "
                + row.getInstrumentVersion()
                + " is stored as id "
                + row.getId());
  }
}
