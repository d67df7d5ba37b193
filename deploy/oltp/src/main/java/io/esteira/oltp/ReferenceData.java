package io.esteira.oltp;

import java.util.List;

/** The fixed pools that make generated rows look like a Brazilian e-commerce business. */
final class ReferenceData {

    private ReferenceData() {}

    record State(String uf, String name, String macroRegion, List<String> cities) {}

    record Category(String name, List<Subcategory> children) {}

    /** A leaf category, its brands and its price range (BRL). */
    record Subcategory(String name, List<String> nouns, int minPrice, int maxPrice) {}

    /** By market size, so that the first regions get most customers. */
    static final List<State> STATES = List.of(
            new State("SP", "São Paulo", "Sudeste", List.of("São Paulo", "Campinas", "Santos", "Ribeirão Preto")),
            new State("RJ", "Rio de Janeiro", "Sudeste", List.of("Rio de Janeiro", "Niterói", "Petrópolis")),
            new State("MG", "Minas Gerais", "Sudeste", List.of("Belo Horizonte", "Uberlândia", "Juiz de Fora")),
            new State("PR", "Paraná", "Sul", List.of("Curitiba", "Londrina", "Maringá")),
            new State("RS", "Rio Grande do Sul", "Sul", List.of("Porto Alegre", "Caxias do Sul", "Pelotas")),
            new State("SC", "Santa Catarina", "Sul", List.of("Florianópolis", "Joinville", "Blumenau")),
            new State("BA", "Bahia", "Nordeste", List.of("Salvador", "Feira de Santana", "Vitória da Conquista")),
            new State("DF", "Distrito Federal", "Centro-Oeste", List.of("Brasília", "Taguatinga", "Ceilândia")),
            new State("GO", "Goiás", "Centro-Oeste", List.of("Goiânia", "Anápolis", "Aparecida de Goiânia")),
            new State("PE", "Pernambuco", "Nordeste", List.of("Recife", "Olinda", "Caruaru")),
            new State("CE", "Ceará", "Nordeste", List.of("Fortaleza", "Juazeiro do Norte", "Sobral")),
            new State("ES", "Espírito Santo", "Sudeste", List.of("Vitória", "Vila Velha", "Serra")),
            new State("PA", "Pará", "Norte", List.of("Belém", "Ananindeua", "Santarém")),
            new State("AM", "Amazonas", "Norte", List.of("Manaus", "Parintins", "Itacoatiara")),
            new State("MT", "Mato Grosso", "Centro-Oeste", List.of("Cuiabá", "Várzea Grande", "Rondonópolis")),
            new State("MS", "Mato Grosso do Sul", "Centro-Oeste", List.of("Campo Grande", "Dourados", "Três Lagoas")),
            new State("MA", "Maranhão", "Nordeste", List.of("São Luís", "Imperatriz", "Caxias")),
            new State("PB", "Paraíba", "Nordeste", List.of("João Pessoa", "Campina Grande", "Patos")),
            new State("RN", "Rio Grande do Norte", "Nordeste", List.of("Natal", "Mossoró", "Parnamirim")),
            new State("AL", "Alagoas", "Nordeste", List.of("Maceió", "Arapiraca", "Rio Largo")),
            new State("PI", "Piauí", "Nordeste", List.of("Teresina", "Parnaíba", "Picos")),
            new State("SE", "Sergipe", "Nordeste", List.of("Aracaju", "Lagarto", "Itabaiana")),
            new State("RO", "Rondônia", "Norte", List.of("Porto Velho", "Ji-Paraná", "Ariquemes")),
            new State("TO", "Tocantins", "Norte", List.of("Palmas", "Araguaína", "Gurupi")),
            new State("AC", "Acre", "Norte", List.of("Rio Branco", "Cruzeiro do Sul", "Sena Madureira")),
            new State("AP", "Amapá", "Norte", List.of("Macapá", "Santana", "Laranjal do Jari")),
            new State("RR", "Roraima", "Norte", List.of("Boa Vista", "Rorainópolis", "Caracaraí")));

    static final List<Category> CATEGORIES = List.of(
            new Category(
                    "Eletrônicos",
                    List.of(
                            new Subcategory("Smartphones", List.of("Smartphone", "Celular"), 900, 7500),
                            new Subcategory("Notebooks", List.of("Notebook", "Ultrabook"), 2200, 12000),
                            new Subcategory("TVs", List.of("Smart TV", "TV LED"), 1300, 9000),
                            new Subcategory("Áudio", List.of("Fone Bluetooth", "Caixa de Som", "Soundbar"), 90, 2500),
                            new Subcategory("Acessórios", List.of("Carregador", "Capa", "Cabo USB-C"), 20, 300),
                            new Subcategory("Games", List.of("Console", "Controle", "Jogo"), 150, 4500))),
            new Category(
                    "Casa",
                    List.of(
                            new Subcategory("Móveis", List.of("Sofá", "Mesa", "Cadeira", "Estante"), 250, 4500),
                            new Subcategory("Cozinha", List.of("Panela", "Jogo de Facas", "Liquidificador"), 40, 900),
                            new Subcategory("Decoração", List.of("Luminária", "Quadro", "Vaso"), 30, 600),
                            new Subcategory("Cama e Banho", List.of("Jogo de Lençol", "Toalha", "Edredom"), 40, 500),
                            new Subcategory(
                                    "Eletroportáteis", List.of("Air Fryer", "Cafeteira", "Aspirador"), 150, 1500),
                            new Subcategory("Jardim", List.of("Mangueira", "Cortador de Grama", "Vaso"), 30, 1800))),
            new Category(
                    "Moda",
                    List.of(
                            new Subcategory("Masculina", List.of("Camisa", "Calça Jeans", "Jaqueta"), 60, 450),
                            new Subcategory("Feminina", List.of("Vestido", "Blusa", "Saia"), 60, 500),
                            new Subcategory("Calçados", List.of("Tênis", "Sandália", "Bota"), 80, 900),
                            new Subcategory("Infantil", List.of("Conjunto", "Pijama", "Macacão"), 40, 250),
                            new Subcategory("Bolsas", List.of("Bolsa", "Mochila", "Carteira"), 50, 800),
                            new Subcategory("Relógios", List.of("Relógio", "Smartwatch"), 120, 2500))),
            new Category(
                    "Esporte",
                    List.of(
                            new Subcategory("Fitness", List.of("Halter", "Esteira", "Tapete de Yoga"), 40, 5000),
                            new Subcategory("Ciclismo", List.of("Bicicleta", "Capacete", "Bomba"), 60, 6000),
                            new Subcategory("Camping", List.of("Barraca", "Saco de Dormir", "Lanterna"), 40, 1200),
                            new Subcategory("Futebol", List.of("Bola", "Chuteira", "Camisa de Time"), 50, 700),
                            new Subcategory("Natação", List.of("Óculos de Natação", "Maiô", "Touca"), 25, 300),
                            new Subcategory("Corrida", List.of("Tênis de Corrida", "Relógio GPS"), 200, 2500))),
            new Category(
                    "Beleza",
                    List.of(
                            new Subcategory("Perfumes", List.of("Perfume", "Colônia"), 90, 900),
                            new Subcategory("Maquiagem", List.of("Batom", "Base", "Paleta"), 25, 350),
                            new Subcategory("Cabelos", List.of("Shampoo", "Secador", "Chapinha"), 20, 700),
                            new Subcategory("Cuidados", List.of("Hidratante", "Protetor Solar", "Sérum"), 25, 300),
                            new Subcategory("Barbearia", List.of("Barbeador", "Óleo para Barba"), 30, 600),
                            new Subcategory("Unhas", List.of("Esmalte", "Kit Manicure"), 10, 150))),
            new Category(
                    "Livros",
                    List.of(
                            new Subcategory("Ficção", List.of("Romance", "Suspense", "Fantasia"), 30, 120),
                            new Subcategory("Negócios", List.of("Gestão", "Finanças", "Liderança"), 40, 150),
                            new Subcategory("Didáticos", List.of("Apostila", "Dicionário", "Gramática"), 35, 250),
                            new Subcategory("Infantis", List.of("Livro Ilustrado", "Gibi"), 15, 90),
                            new Subcategory("Tecnologia", List.of("Programação", "Dados", "Redes"), 60, 220),
                            new Subcategory("Culinária", List.of("Receitas", "Confeitaria"), 40, 180))),
            new Category(
                    "Brinquedos",
                    List.of(
                            new Subcategory(
                                    "Jogos de Tabuleiro", List.of("Jogo de Tabuleiro", "Quebra-Cabeça"), 40, 400),
                            new Subcategory("Bonecos", List.of("Boneco", "Boneca", "Action Figure"), 30, 350),
                            new Subcategory("Educativos", List.of("Kit Ciência", "Blocos de Montar"), 50, 600),
                            new Subcategory("Veículos", List.of("Carrinho", "Pista", "Drone"), 40, 1500),
                            new Subcategory("Bebês", List.of("Mordedor", "Móbile", "Andador"), 30, 500),
                            new Subcategory("Pelúcias", List.of("Pelúcia", "Urso"), 30, 250))),
            new Category(
                    "Mercado",
                    List.of(
                            new Subcategory("Bebidas", List.of("Café", "Vinho", "Suco"), 10, 250),
                            new Subcategory("Mercearia", List.of("Azeite", "Chocolate", "Biscoito"), 5, 90),
                            new Subcategory("Limpeza", List.of("Detergente", "Sabão Líquido", "Desinfetante"), 5, 80),
                            new Subcategory("Pet", List.of("Ração", "Areia Sanitária", "Petisco"), 15, 350),
                            new Subcategory("Higiene", List.of("Sabonete", "Creme Dental", "Fralda"), 5, 150),
                            new Subcategory("Congelados", List.of("Pizza", "Lasanha", "Sorvete"), 12, 60))));

    static final List<String> BRANDS = List.of(
            "Aurora",
            "Brisa",
            "Cajuí",
            "Delta Sul",
            "Ébano",
            "Flora",
            "Guará",
            "Horizonte",
            "Ipê",
            "Jatobá",
            "Kaeté",
            "Lumen",
            "Maré",
            "Nativa",
            "Orvalho",
            "Pampa",
            "Quaresma",
            "Rio Claro",
            "Sabiá",
            "Tupã",
            "Urca",
            "Vértice",
            "Xingu",
            "Zênite");

    static final List<String> FIRST_NAMES = List.of(
            "Ana",
            "Beatriz",
            "Bruno",
            "Camila",
            "Carlos",
            "Daniela",
            "Diego",
            "Eduarda",
            "Felipe",
            "Fernanda",
            "Gabriel",
            "Helena",
            "Igor",
            "Isabela",
            "João",
            "Juliana",
            "Larissa",
            "Leonardo",
            "Lucas",
            "Luiza",
            "Marcelo",
            "Mariana",
            "Mateus",
            "Natália",
            "Otávio",
            "Paula",
            "Pedro",
            "Rafael",
            "Renata",
            "Rodrigo",
            "Sofia",
            "Thiago",
            "Valentina",
            "Vinícius",
            "Yasmin");

    static final List<String> LAST_NAMES = List.of(
            "Almeida",
            "Alves",
            "Barbosa",
            "Cardoso",
            "Carvalho",
            "Costa",
            "Dias",
            "Fernandes",
            "Ferreira",
            "Gomes",
            "Lima",
            "Martins",
            "Melo",
            "Moreira",
            "Nascimento",
            "Oliveira",
            "Pereira",
            "Ribeiro",
            "Rocha",
            "Rodrigues",
            "Santos",
            "Silva",
            "Souza",
            "Teixeira",
            "Vieira");

    static final List<String> COMPANY_SUFFIXES =
            List.of("Comércio Ltda", "Distribuidora Ltda", "Serviços ME", "Indústria S.A.", "Atacado Eireli");

    static final List<String> CAMPAIGNS = List.of(
            "Black Friday",
            "Natal",
            "Dia das Mães",
            "Dia dos Pais",
            "Volta às Aulas",
            "Carnaval",
            "Dia do Consumidor",
            "Aniversário da Loja",
            "Liquida Verão",
            "Semana do Frete Grátis");
}
