package org.cxalign.web.campaign;

import java.time.LocalDate;
import java.util.List;

/** An open campaign an employee may answer, with the form's items. */
public record OpenCampaignView(
    long id, String title, String wave, LocalDate closesOn, List<ItemView> items) {}
