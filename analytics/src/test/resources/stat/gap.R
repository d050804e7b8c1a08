options(digits=17)
x <- c(4,5,3,4,4,2,5,4,3,4,5,4)
y <- c(3,2,4,3,3,1,2,3,4)
tt <- t.test(x, y); print(c(tt$statistic, tt$parameter, tt$p.value, tt$conf.int))
tt2 <- t.test(y, x, conf.level=0.9); print(c(tt2$statistic, tt2$parameter, tt2$p.value, tt2$conf.int))
w <- wilcox.test(x, y, exact=FALSE, correct=TRUE); print(c(w$statistic, w$p.value))
w2 <- wilcox.test(y, x, exact=FALSE, correct=TRUE); print(c(w2$statistic, w2$p.value))
nx <- length(x); ny <- length(y); sp <- sqrt(((nx-1)*var(x)+(ny-1)*var(y))/(nx+ny-2)); print((mean(x)-mean(y))/sp)
# TOST, delta = 1.5, alpha = 0.05
d <- 1.5
print(c(t.test(x,y,mu=-d,alternative="greater")$p.value, t.test(x,y,mu=d,alternative="less")$p.value, t.test(x,y,conf.level=0.9)$conf.int))
d <- 0.5
print(c(t.test(x,y,mu=-d,alternative="greater")$p.value, t.test(x,y,mu=d,alternative="less")$p.value))
# without ties, continuous
set.seed(5); a <- round(rnorm(15, 3.2, 0.7), 3); b <- round(rnorm(11, 3.0, 0.9), 3)
cat("a <- c(", paste(a, collapse=", "), ")\nb <- c(", paste(b, collapse=", "), ")\n")
w3 <- wilcox.test(a, b, exact=FALSE, correct=TRUE); print(c(w3$statistic, w3$p.value))
tt3 <- t.test(a, b); print(c(tt3$statistic, tt3$parameter, tt3$p.value, tt3$conf.int))
d <- 0.6
print(c(t.test(a,b,mu=-d,alternative="greater")$p.value, t.test(a,b,mu=d,alternative="less")$p.value, t.test(a,b,conf.level=0.9)$conf.int))
