/**
 * Demo data: a closed campaign of the built-in instrument over the demo departments with simulated
 * answers, seeded once when {@code cxalign.demo.seed} is true (the dashboard and its screenshots
 * show it).
 */
package org.cxalign.survey.demo;
