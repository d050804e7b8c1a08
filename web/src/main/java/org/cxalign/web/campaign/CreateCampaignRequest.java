package org.cxalign.web.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Transparency;

/**
 * Body of {@code POST /api/campaigns}.
 *
 * @param title shown to respondents
 * @param instrumentId the stored instrument version (a draft is published by this)
 * @param departmentIds the departments in scope
 * @param audiences EMPLOYEES and/or CUSTOMERS
 * @param opensOn first day answers are taken
 * @param closesOn last day answers are taken (the timer closes the campaign the day after)
 * @param anonymityThreshold k, at least 3, default 5
 * @param transparency what department heads see of other departments, default OWN_DEPARTMENT_ONLY
 * @param wave label linking repeated campaigns, optional
 */
public record CreateCampaignRequest(
    @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String title,
    @NotNull(message = "is required") Long instrumentId,
    @NotEmpty(message = "must name at least one department")
        @Size(max = 10000, message = "too many departments")
        List<@NotNull(message = "must not be null") Long> departmentIds,
    @NotEmpty(message = "must name at least one audience (EMPLOYEES, CUSTOMERS)")
        Set<@NotNull(message = "must not be null") Audience> audiences,
    @NotNull(message = "is required") LocalDate opensOn,
    @NotNull(message = "is required") LocalDate closesOn,
    @Min(value = 3, message = "must be at least 3")
        @Max(value = 1000, message = "must be at most 1000")
        Integer anonymityThreshold,
    Transparency transparency,
    @Size(max = 100, message = "must be at most 100 characters") String wave) {}
