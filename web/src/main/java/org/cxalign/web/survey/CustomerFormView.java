package org.cxalign.web.survey;

import java.util.List;
import org.cxalign.web.campaign.ItemView;

/** What a customer's link shows: the campaign's title and the customer items. */
public record CustomerFormView(String title, List<ItemView> items) {}
