library(psych); options(digits=17, width=200)
sf <- matrix(c(9,2,5,8, 6,1,3,2, 8,4,6,8, 7,1,2,6, 10,5,6,9, 6,2,4,7), ncol=4, byrow=TRUE)
r <- ICC(sf, lmer=FALSE)$results; print(r[,2:8])
r2 <- try(ICC(sf)$results); print(r2[,2:8])
