library(multilevel); options(digits=17)
set.seed(42)
g <- rep(c("a","b","c","d"), c(6,5,1,7))
i1 <- c(4,4,5,4,3,4,  2,3,3,2,NA, 3,  1,5,1,5,3,5,1)
i2 <- c(4,5,5,4,4,NA, 2,2,3,3,2,  4,  5,1,2,5,1,4,1)
i3 <- c(5,4,4,4,3,4,  3,3,2,2,2,  NA, 2,5,1,4,5,1,5)
d <- data.frame(i1,i2,i3)
print(rwg(i1, g, ranvar=2)); print(rwg(i2, g, 2)); print(rwg(i3, g, 2))
print(rwg.j(d, g, ranvar=2))
for (gg in c("a","b","c","d")) { cc <- d[g==gg & complete.cases(d),]; print(gg); print(apply(cc,2,var)) }
ad <- function(x) { x <- x[!is.na(x)]; mean(abs(x-mean(x))) }
print(tapply(i1, g, ad)); print(tapply(i2, g, ad)); print(tapply(i3, g, ad))
