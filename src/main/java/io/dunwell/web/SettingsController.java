package io.dunwell.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.dunwell.account.CollectionStatus;
import io.dunwell.dunning.DunningSchedule;
import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.settings.SettingRejected;
import io.dunwell.settings.TemplatePreviews;
import io.dunwell.system.BadRequestException;

/**
 * Supervisors' settings (the security configuration keeps agents out). Each form saves on its own;
 * a refused value comes back beside its form with what was typed, and nothing is saved.
 */
@Controller
@RequestMapping("/settings")
class SettingsController {

    private final ConsoleSettings settings;
    private final DunningSchedule schedule;
    private final TemplatePreviews previews;

    SettingsController(ConsoleSettings settings, DunningSchedule schedule, TemplatePreviews previews) {
        this.settings = settings;
        this.schedule = schedule;
        this.previews = previews;
    }

    @GetMapping
    String page(@RequestParam(required = false) String saved, @RequestParam(defaultValue = "reminder-1") String template,
                @RequestParam(defaultValue = "en") String lang, Model model) {
        model.addAttribute("saved", saved);
        fill(model.asMap(), template, lang);
        return "settings";
    }

    @PostMapping("/buckets")
    ModelAndView buckets(@RequestParam List<String> name, @RequestParam List<String> from, @RequestParam List<String> to,
                         Authentication user) {
        List<AgingBucket> buckets = new ArrayList<>();
        try {
            for (int i = 0; i < name.size(); i++) {
                if (name.get(i).isBlank() && from.get(i).isBlank() && to.get(i).isBlank()) {
                    continue;
                }
                buckets.add(new AgingBucket(name.get(i), whole(from.get(i), "From"),
                        to.get(i).isBlank() ? null : whole(to.get(i), "To")));
            }
        } catch (BadRequestException e) {
            return refused("buckets", e, model -> model.addObject("buckets", buckets));
        }
        return save("buckets", () -> settings.changeAgingBuckets(buckets, user.getName()),
                model -> model.addObject("buckets", buckets));
    }

    @PostMapping("/in-collections")
    ModelAndView inCollections(@RequestParam String days, @RequestParam String amount, Authentication user) {
        return save("inCollections", () -> settings.changeInCollections(condition(days, amount), user.getName()), model -> { });
    }

    @PostMapping("/critical-invoices")
    ModelAndView criticalInvoices(@RequestParam String days, @RequestParam String amount, Authentication user) {
        return save("criticalInvoices", () -> settings.changeCriticalInvoices(condition(days, amount), user.getName()), model -> { });
    }

    @PostMapping("/statuses")
    ModelAndView addStatus(@RequestParam String status, Authentication user) {
        return save("statuses", () -> settings.addCollectionStatus(status, user.getName()), model -> { });
    }

    @PostMapping("/statuses/remove")
    ModelAndView removeStatus(@RequestParam String status, Authentication user) {
        return save("statuses", () -> settings.removeCollectionStatus(status, user.getName()), model -> { });
    }

    @PostMapping("/schedule")
    ModelAndView schedule(@RequestParam String cron, Authentication user) {
        return save("schedule", () -> settings.changeRunCron(cron, user.getName()), model -> model.addObject("cron", cron));
    }

    private ModelAndView save(String form, Runnable change, Consumer<ModelAndView> typed) {
        try {
            change.run();
            return new ModelAndView("redirect:/settings?saved=" + form + "#" + form);
        } catch (SettingRejected | BadRequestException e) {
            return refused(form, e, typed);
        }
    }

    private ModelAndView refused(String form, RuntimeException e, Consumer<ModelAndView> typed) {
        ModelAndView page = new ModelAndView("settings");
        page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        fill(page.getModel(), "reminder-1", "en");
        page.addObject("errorForm", form);
        page.addObject("error", e.getMessage());
        typed.accept(page);
        return page;
    }

    private void fill(Map<String, Object> model, String template, String lang) {
        model.put("buckets", settings.agingBuckets().list());
        model.put("inCollections", settings.inCollections());
        model.put("criticalInvoices", settings.criticalInvoices());
        model.put("builtInStatuses", CollectionStatus.BUILT_IN);
        model.put("customStatuses", settings.customStatuses());
        model.put("cron", schedule.getCron());
        model.put("templates", previews.templates());
        model.put("languages", List.of("en", "de"));
        Locale locale = "de".equals(lang) ? Locale.GERMANY : Locale.US;
        model.put("preview", previews.render(previews.templates().contains(template) ? template : previews.templates().get(0), locale));
        model.put("lang", "de".equals(lang) ? "de" : "en");
    }

    private static OverdueCondition condition(String days, String amount) {
        BigDecimal value = FormFields.amount("Amount", amount);
        if (value == null) {
            throw new BadRequestException("Amount", "give an amount, 0 for any");
        }
        return new OverdueCondition(whole(days, "Days overdue"), value);
    }

    private static int whole(String text, String field) {
        Integer number = FormFields.wholeNumber(field, text);
        if (number == null) {
            throw new BadRequestException(field, "give a whole number of days");
        }
        return number;
    }
}
