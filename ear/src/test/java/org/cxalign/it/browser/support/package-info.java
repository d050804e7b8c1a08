/**
 * Shared support of the browser tests: {@link org.cxalign.it.browser.support.Browser} (headless
 * Chromium through Selenium, sign-in through Keycloak's form, screenshots, axe-core).
 */
package org.cxalign.it.browser.support;
