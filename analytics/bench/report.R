#!/usr/bin/env Rscript
# The statistics of `cx-align report` (no instrument) computed with base R, psych and multilevel,
# for the speed and agreement comparison in analytics/bench/run.sh.
#
#   Rscript report.R FILE.csv [OUT.json] [--reader=base|fread] [--scale=1-5]
#
# Definitions as DESIGN.md / the Java report: employees only for the department figures;
# item statistics use the answers given to the item; r_wg(J) and alpha use complete cases;
# a respondent's scale score is the mean of the items answered; Kendall's W / Krippendorff's
# alpha (interval) use the department means per item; the perception gap compares employees'
# and customers' scale scores.
suppressPackageStartupMessages({
  library(multilevel)
  library(psych)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
out <- if (length(args) >= 2 && !startsWith(args[2], "--")) args[2] else NA
reader <- "base"
scale <- c(1, 5)
for (a in args) {
  if (startsWith(a, "--reader=")) reader <- sub("--reader=", "", a)
  if (startsWith(a, "--scale=")) scale <- as.numeric(strsplit(sub("--scale=", "", a), "-")[[1]])
}
A <- scale[2] - scale[1] + 1
ranvar <- (A^2 - 1) / 12
t0 <- proc.time()[["elapsed"]]
stage <- function(name) message(sprintf("%-12s %7.2f s", name, proc.time()[["elapsed"]] - t0))

d <- if (reader == "fread") {
  as.data.frame(data.table::fread(file, colClasses = list(character = 1:3), na.strings = ""))
} else {
  read.csv(file, colClasses = c(respondent_id = "character", population = "character",
                                department = "character"), na.strings = "",
           check.names = FALSE)
}
stage("read")
items <- setdiff(names(d)[-(1:3)], grep("^collab\\.", names(d), value = TRUE))
emp <- d[d$population == "employee", ]
cus <- d[d$population == "customer", ]
X <- as.matrix(emp[, items])
dept <- emp$department
depts <- sort(unique(dept))

# per department and item: n, mean, r_wg (multilevel::rwg), AD_M (multilevel::ad.m, one item)
item_stats <- lapply(items, function(it) {
  x <- emp[[it]]
  r <- rwg(x, dept, ranvar = ranvar)
  ad <- ad.m(x, dept, type = "mean")
  ok <- !is.na(x)
  data.frame(department = r$grpid, item = it,
             n = as.vector(tapply(ok, factor(dept, levels = r$grpid), sum)),
             mean = as.vector(tapply(x[ok], factor(dept[ok], levels = r$grpid), mean)),
             rwg = r$rwg, ad_m = ad$AD.M[match(r$grpid, ad$grpid)])
})
item_stats <- do.call(rbind, item_stats)
stage("items")
rwgj <- rwg.j(X, dept, ranvar = ranvar)  # listwise (complete cases), as multilevel::rwg.j
stage("rwg.j")
score <- rowMeans(X, na.rm = TRUE)
scored <- !is.nan(score)
mod <- aov(score[scored] ~ factor(dept[scored]))
s <- summary(mod)[[1]]
between <- list(icc1 = ICC1(mod), icc2 = ICC2(mod), f = s[1, "F value"], df_between = s[1, "Df"],
                df_within = s[2, "Df"], p_value = s[1, "Pr(>F)"],
                eta_squared = s[1, "Sum Sq"] / sum(s[, "Sum Sq"]))
stage("anova")
cc <- X[complete.cases(X), ]
alpha_raw <- suppressWarnings(suppressMessages(
  psych::alpha(cc, check.keys = FALSE, warnings = FALSE)))$total$raw_alpha
stage("alpha")
means <- do.call(rbind, lapply(depts, function(g) colMeans(X[dept == g, , drop = FALSE], na.rm = TRUE)))
ft <- friedman.test(means[complete.cases(means), , drop = FALSE])
m <- sum(complete.cases(means)); n_obj <- ncol(means)
kripp_interval <- function(M) {  # observers x units, NA missing (Krippendorff 2011, interval)
  pair <- function(v) { k <- length(v); 2 * (k * sum(v^2) - sum(v)^2) }
  cols <- lapply(seq_len(ncol(M)), function(j) M[!is.na(M[, j]), j])
  cols <- cols[sapply(cols, length) >= 2]
  v <- unlist(cols); n <- length(v)
  Do <- sum(sapply(cols, function(u) pair(u) / (length(u) - 1))) / n
  De <- pair(v) / (n * (n - 1))
  1 - Do / De
}
consensus <- list(kendall_w = unname(ft$statistic) / (m * (n_obj - 1)),
                  chi_square = unname(ft$statistic), p_value = ft$p.value,
                  krippendorff_alpha_interval = kripp_interval(means))
stage("consensus")
cscore <- rowMeans(as.matrix(cus[, items]), na.rm = TRUE)
cscore <- cscore[!is.nan(cscore)]
e <- score[scored]
tt <- t.test(e, cscore, var.equal = FALSE)
pooled <- sqrt(((length(e) - 1) * var(e) + (length(cscore) - 1) * var(cscore)) /
                 (length(e) + length(cscore) - 2))
wt <- wilcox.test(e, cscore, exact = FALSE, correct = TRUE)
gap <- list(mean_difference = mean(e) - mean(cscore), welch_t = unname(tt$statistic),
            welch_df = unname(tt$parameter), welch_p = tt$p.value,
            cohen_d = (mean(e) - mean(cscore)) / pooled,
            mann_whitney_w = unname(wt$statistic), mann_whitney_p = wt$p.value)
stage("gap")

departments <- lapply(depts, function(g) {
  sel <- dept == g
  it <- item_stats[item_stats$department == g, ]
  ads <- it$ad_m
  list(department = g, n = sum(sel), mean = mean(score[sel & scored]),
       rwg_j = rwgj$rwg.j[rwgj$grpid == g],
       ad_md = if (all(is.na(ads))) NA else mean(ads, na.rm = TRUE),
       items = lapply(seq_len(nrow(it)), function(i)
         list(item = it$item[i], n = it$n[i], mean = it$mean[i], rwg = it$rwg[i])))
})
result <- list(respondents = list(employee = nrow(emp), customer = nrow(cus)),
               departments = departments, between_departments = between,
               reliability = list(cronbach_alpha = alpha_raw), consensus = consensus,
               perception_gap = gap)
stage("total")
if (!is.na(out)) {
  writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), out)
}
