options(digits=17)
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C (observers x units, NA missing)
kalpha <- function(d, level) {
  vals <- sort(unique(as.vector(d[!is.na(d)])))
  V <- length(vals)
  o <- matrix(0, V, V)
  for (u in seq_len(ncol(d))) {
    x <- d[!is.na(d[,u]), u]; m <- length(x)
    if (m < 2) next
    for (i in seq_len(m)) for (j in seq_len(m)) if (i != j) {
      a <- match(x[i], vals); b <- match(x[j], vals); o[a,b] <- o[a,b] + 1/(m-1) }
  }
  nc <- rowSums(o); n <- sum(nc)
  delta <- matrix(0, V, V)
  for (a in 1:V) for (b in 1:V) {
    c <- vals[a]; k <- vals[b]
    delta[a,b] <- switch(level,
      nominal = as.numeric(a != b),
      ordinal = { lo <- min(a,b); hi <- max(a,b); (sum(nc[lo:hi]) - (nc[a]+nc[b])/2)^2 },
      interval = (c-k)^2,
      ratio = ((c-k)/(c+k))^2)
  }
  Do <- sum(o*delta)/n; De <- sum(outer(nc,nc)*delta)/(n*(n-1))
  c(alpha=1-Do/De, Do=Do, De=De, n=n)
}
d <- rbind(c(1,2,3,3,2,1,4,1,2,NA,NA,NA),
           c(1,2,3,3,2,2,4,1,2,5,NA,3),
           c(NA,3,3,3,2,3,4,2,2,5,1,NA),
           c(1,2,3,3,2,4,4,1,2,5,1,NA))
for (l in c("nominal","ordinal","interval","ratio")) print(kalpha(d, l))
# department means (continuous) with missing
set.seed(8)
D <- matrix(round(runif(5*7, 2.5, 4.5), 2), 5, 7); D[2,3] <- NA; D[4,1] <- NA; D[5,7] <- NA; D[1,7] <- NA; D[3,7] <- NA; D[4,7] <- NA
cat("D rows:\n"); for (i in 1:5) cat("{", paste(ifelse(is.na(D[i,]), "NA", D[i,]), collapse=", "), "},\n")
for (l in c("nominal","ordinal","interval","ratio")) print(kalpha(D, l))
