package org.cxalign.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build packaged it (target/cx-align.ear), for Arquillian to deploy. */
public final class CxAlignEar {
  private CxAlignEar() {}

  public static EnterpriseArchive built() {
    File ear = new File(System.getProperty("cxalign.ear", "target/cx-align.ear"));
    if (!ear.isFile()) {
      throw new IllegalStateException("No EAR at " + ear + ": run the package phase first");
    }
    return ShrinkWrap.create(ZipImporter.class, "cx-align.ear")
        .importFrom(ear)
        .as(EnterpriseArchive.class);
  }
}
