/** MicroProfile Health checks of the application. */
package org.cxalign.web.health;
