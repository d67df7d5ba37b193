package io.esteira.loader.apply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** One row of {@code dim.dim_data}, computed for a date the generated calendar does not cover. */
record Calendar(
        int dataSk,
        LocalDate data,
        int ano,
        int trimestre,
        int mes,
        int dia,
        int diaSemana,
        String nomeMes,
        String nomeDiaSemana,
        boolean fimDeSemana) {

    private static final List<String> MONTHS = List.of(
            "Janeiro",
            "Fevereiro",
            "Março",
            "Abril",
            "Maio",
            "Junho",
            "Julho",
            "Agosto",
            "Setembro",
            "Outubro",
            "Novembro",
            "Dezembro");
    private static final List<String> DAYS =
            List.of("Segunda-feira", "Terça-feira", "Quarta-feira", "Quinta-feira", "Sexta-feira", "Sábado", "Domingo");

    static Calendar of(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return new Calendar(
                date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth(),
                date,
                date.getYear(),
                (date.getMonthValue() - 1) / 3 + 1,
                date.getMonthValue(),
                date.getDayOfMonth(),
                day.getValue(),
                MONTHS.get(date.getMonthValue() - 1),
                DAYS.get(day.getValue() - 1),
                day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY);
    }
}
